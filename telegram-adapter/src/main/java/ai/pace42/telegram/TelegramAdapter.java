package ai.pace42.telegram;

import ai.pace42.bot.channel.ChannelHealth;
import ai.pace42.bot.channel.ChannelPipeline;
import ai.pace42.bot.channel.Capabilities;
import ai.pace42.bot.channel.ChatAdapter;
import ai.pace42.bot.channel.ConnectRetry;
import ai.pace42.bot.channel.ConversationRef;
import ai.pace42.bot.channel.InboundDeliveries;
import ai.pace42.bot.channel.InboundHandler;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.conversation.CommandRegistry;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.BotSession;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * pace42 on Telegram: the connection (getMe, command menu, long polling or {@link TelegramWebhookResource}), the
 * mapper ({@link UpdateMapper}) and the sender ({@link ReplyRenderer} onto the {@link SendQueue}), joined by the
 * core's {@link ChannelPipeline}: redelivery check, the core, the chat's order, the send. "typing…" shows while
 * the core works.
 */
public final class TelegramAdapter implements ChatAdapter, ChannelHealth {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramAdapter.class);
    /** Only messages are useful; asking for less also means fewer updates to skip. */
    private static final List<String> ALLOWED_UPDATES = List.of("message");
    private static final Duration STOP_WAIT = Duration.ofSeconds(15);

    private final TelegramSettings settings;
    private final CommandRegistry commands;
    private final ObjectMapper json;
    private final OkHttpClient http;
    private final TelegramClient client;
    private final SendQueue sendQueue;
    private final TypingIndicator typing;
    private final TelegramFiles files;
    private final ReplyRenderer renderer = new ReplyRenderer();
    private final ChannelPipeline pipeline;

    private volatile UpdateMapper mapper;
    private volatile BotIdentity bot;
    private volatile TelegramBotsLongPollingApplication pollingApp;
    private volatile BotSession session;
    private volatile boolean webhookRegistered;
    private volatile String lastError = "not started";
    private volatile ConnectRetry connecting;

    /** A single-process adapter: redeliveries are recognised in memory. */
    public TelegramAdapter(TelegramSettings settings, CommandRegistry commands) {
        this(settings, commands, InboundDeliveries.inMemory(10_000));
    }

    /** @param deliveries where handled update ids are kept; the core's database ledger serves several instances */
    public TelegramAdapter(TelegramSettings settings, CommandRegistry commands, InboundDeliveries deliveries) {
        this.settings = settings;
        this.commands = commands;
        this.pipeline = new ChannelPipeline(Platform.TELEGRAM, deliveries);
        this.json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        this.http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(30))
                .writeTimeout(Duration.ofSeconds(30))
                .build();
        this.client = new OkHttpTelegramClient(json, http, settings.token(), settings.telegramUrl());
        this.sendQueue = new SendQueue(settings.limits(), 4);
        this.typing = new TypingIndicator(client);
        this.files = new TelegramFiles(client, http, settings.apiBaseUrl(), settings.token());
    }

    @Override
    public Platform platform() {
        return Platform.TELEGRAM;
    }

    @Override
    public Capabilities capabilities() {
        return ReplyRenderer.CAPABILITIES;
    }

    /**
     * Identifies the bot (getMe), sets the command menu and starts receiving. When Telegram cannot be reached
     * the server still starts: the adapter keeps retrying in the background and reports unhealthy meanwhile.
     */
    @Override
    public void start(InboundHandler inboundHandler) {
        pipeline.start(inboundHandler);
        connecting = ConnectRetry.start("telegram-connect", this::tryConnect);
    }


    private synchronized boolean tryConnect() {
        try {
            User me = client.execute(new GetMe());
            bot = new BotIdentity(me.getId(), me.getUserName());
            mapper = new UpdateMapper(bot, commands::isPrivateOnly,
                    fileId -> maxBytes -> files.download(fileId, maxBytes));
        } catch (TelegramApiException | RuntimeException e) {
            lastError = "getMe failed: " + e.getMessage();
            LOG.error("telegram: {}; will retry", lastError);
            return false;
        }
        publishCommandMenu();
        try {
            if (settings.mode() == TelegramSettings.Mode.WEBHOOK) {
                client.execute(SetWebhook.builder()
                        .url(settings.webhookUrl().toString())
                        .secretToken(settings.webhookSecret())
                        .allowedUpdates(ALLOWED_UPDATES)
                        .build());
                webhookRegistered = true;
                LOG.info("telegram: @{} receiving updates by webhook at {}", bot.username(), settings.webhookUrl());
            } else {
                // The library's session calls deleteWebhook first, so switching from webhook mode just works.
                pollingApp = new TelegramBotsLongPollingApplication();
                session = pollingApp.registerBot(settings.token(), settings::telegramUrl,
                        new DefaultGetUpdatesGenerator(ALLOWED_UPDATES), updates -> updates.forEach(this::onUpdate));
                LOG.info("telegram: @{} receiving updates by long polling", bot.username());
            }
            lastError = "";
            return true;
        } catch (TelegramApiException | RuntimeException e) {
            lastError = settings.mode().name().toLowerCase() + " start failed: " + e.getMessage();
            LOG.error("telegram: {}; will retry", lastError);
            return false;
        }
    }

    private void publishCommandMenu() {
        for (SetMyCommands request : CommandMenu.requests(commands.all(), settings.adminUserIds())) {
            try {
                client.execute(request);
            } catch (TelegramApiException | RuntimeException e) {
                LOG.warn("telegram: setMyCommands failed (the menu is cosmetic): {}", e.getMessage());
            }
        }
    }

    /**
     * Takes one update from polling or the webhook. Returns false when the adapter cannot take it now (not yet
     * connected, or stopping), so a webhook caller can ask Telegram to deliver it again.
     */
    public boolean onUpdate(Update update) {
        return process(update) != null;
    }

    /** Like {@link #onUpdate}, returning the delivery of the answer (null when refused) for tests and benchmarks. */
    CompletableFuture<Void> process(Update update) {
        UpdateMapper currentMapper = mapper;
        if (!pipeline.running() || currentMapper == null) {
            return null;
        }
        if (update.getUpdateId() != null && !pipeline.firstDelivery(update.getUpdateId().toString())) {
            return CompletableFuture.completedFuture(null);
        }
        MappedUpdate mapped;
        try {
            mapped = currentMapper.map(update);
        } catch (RuntimeException e) {
            LOG.warn("telegram update {} could not be read: {}", update.getUpdateId(), e.toString());
            return CompletableFuture.completedFuture(null);
        }
        if (mapped instanceof MappedUpdate.Ignored ignored) {
            LOG.debug("telegram update {} ignored: {}", update.getUpdateId(), ignored.reason());
            return CompletableFuture.completedFuture(null);
        }
        if (mapped instanceof MappedUpdate.Answer answer) {
            return pipeline.notice(Long.toString(answer.chatId()), answer.reply(),
                    reply -> deliver(answer.chatId(), reply, answer.requestId()));
        }
        return answer((MappedUpdate.ForCore) mapped);
    }

    private CompletableFuture<Void> answer(MappedUpdate.ForCore message) {
        long chatId = message.chatId();
        String requestId = message.inbound().requestId();
        TypingIndicator.Typing showTyping = typing.start(chatId);
        // The reply goes out after the typing action, or Telegram would show "typing…" after the answer.
        CompletableFuture<Reply> ready = pipeline.ask(message.inbound())
                .thenCombine(showTyping.firstSent(), (r, ignored) -> r);
        return pipeline.deliver(Long.toString(chatId), ready, r -> {
            showTyping.stop();
            return deliver(chatId, r, requestId);
        }).whenComplete((ok, error) -> showTyping.stop());
    }

    private CompletableFuture<Void> deliver(long chatId, Reply reply, String requestId) {
        List<OutboundMessage> messages = renderer.render(reply);
        CompletableFuture<?>[] sends = new CompletableFuture<?>[messages.size()];
        for (int i = 0; i < messages.size(); i++) {
            OutboundMessage m = messages.get(i);
            sends[i] = sendQueue.submit(chatId, requestId, m.describe(), () -> m.sendWith(client, chatId));
        }
        return CompletableFuture.allOf(sends);
    }

    /** Proactive sends (e.g. "Garmin linked"): the conversation's channel id is the Telegram chat id. */
    @Override
    public void send(ConversationRef where, Reply reply) {
        long chatId = Long.parseLong(where.channelId());
        pipeline.notice(Long.toString(chatId), reply, r -> deliver(chatId, r, "tg-proactive"));
    }

    /** The JAX-RS resource for {@code POST /telegram/webhook}; register it only in webhook mode. */
    public TelegramWebhookResource webhookResource() {
        if (settings.mode() != TelegramSettings.Mode.WEBHOOK) {
            throw new IllegalStateException("the webhook resource is only served in webhook mode");
        }
        return new TelegramWebhookResource(settings.webhookSecret(), json, this::onUpdate);
    }

    public TelegramSettings.Mode mode() {
        return settings.mode();
    }

    @Override
    public Status check() {
        BotIdentity me = bot;
        if (me == null) {
            return new Status(false, lastError);
        }
        if (settings.mode() == TelegramSettings.Mode.WEBHOOK) {
            return webhookRegistered
                    ? new Status(true, "@" + me.username() + ": webhook registered")
                    : new Status(false, "@" + me.username() + ": " + lastError);
        }
        BotSession s = session;
        return s != null && s.isRunning()
                ? new Status(true, "@" + me.username() + ": polling")
                : new Status(false, "@" + me.username() + ": polling not running " + lastError);
    }

    /** Stops receiving, lets answers in flight be sent (up to ~25 s), then releases threads and connections. */
    @Override
    public void stop() {
        ConnectRetry retry = connecting;
        if (retry != null) {
            retry.stop();
        }
        TelegramBotsLongPollingApplication app = pollingApp;
        if (app != null) {
            try {
                app.close();
            } catch (Exception e) {
                LOG.warn("telegram: stopping long polling failed: {}", e.toString());
            }
        }
        int unfinished = pipeline.stop(STOP_WAIT);
        if (unfinished > 0) {
            LOG.warn("telegram: {} answer(s) still in flight at stop", unfinished);
        }
        sendQueue.close(10_000);
        typing.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        LOG.info("telegram adapter stopped");
    }
}
