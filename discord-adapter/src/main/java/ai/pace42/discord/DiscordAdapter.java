package ai.pace42.discord;

import ai.pace42.concurrent.DaemonThreads;
import ai.pace42.bot.channel.RetryScheduler;
import ai.pace42.bot.channel.SendRetries;
import ai.pace42.bot.channel.SendRetryPolicy;
import ai.pace42.bot.channel.ChannelHealth;
import ai.pace42.bot.channel.ChannelPipeline;
import ai.pace42.bot.channel.Capabilities;
import ai.pace42.bot.channel.ChatAdapter;
import ai.pace42.bot.channel.ConversationRef;
import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.InboundDeliveries;
import ai.pace42.bot.channel.InboundHandler;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.conversation.CommandRegistry;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * pace42 on Discord. DMs arrive over the gateway (JDA); slash commands over the gateway or the HTTP interactions
 * endpoint. Both paths meet here: de-duplicate, map, acknowledge an interaction first, ask the core on our own
 * executor (never on a JDA event thread), render and send. Failed sends are logged with the request id.
 */
public final class DiscordAdapter implements ChatAdapter, ChannelHealth {

    private static final Logger LOG = LoggerFactory.getLogger(DiscordAdapter.class);
    static final String SENT_PRIVATELY = "I sent you the answer privately.";
    private static final Duration STOP_WAIT = Duration.ofSeconds(15);

    private final DiscordSettings settings;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final OkHttpClient http;
    private final ExecutorService work;
    /** REST sends run here; a 429 or 5xx reschedules the attempt (SendRetries), so no thread waits. */
    private final ScheduledExecutorService sends;
    private final DiscordSender rest;
    private final DiscordFiles files;
    private final SlashCommands slashCommands;
    private final InboundMapper mapper;
    private final ReplyRenderer renderer = new ReplyRenderer();
    private final ChannelPipeline pipeline;
    private final Clock clock;

    private volatile DiscordGateway gateway;

    /** @param commands the core's commands: each one is a slash command */
    public DiscordAdapter(DiscordSettings settings, CommandRegistry commands) {
        this(settings, commands, InboundDeliveries.inMemory(10_000));
    }

    /** @param deliveries where handled ids are kept; the core's database ledger serves several instances */
    public DiscordAdapter(DiscordSettings settings, CommandRegistry commands, InboundDeliveries deliveries) {
        this(settings, commands, null, Clock.systemUTC(), deliveries);
    }

    /** With {@code sender} null the REST sender is used; tests pass a recording one. */
    DiscordAdapter(DiscordSettings settings, CommandRegistry commands, DiscordSender sender, Clock clock) {
        this(settings, commands, sender, clock, InboundDeliveries.inMemory(10_000));
    }

    private DiscordAdapter(DiscordSettings settings, CommandRegistry commands, DiscordSender sender, Clock clock,
                           InboundDeliveries deliveries) {
        this.pipeline = new ChannelPipeline(Platform.DISCORD, deliveries);
        this.settings = settings;
        this.clock = clock;
        this.http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(30))
                .writeTimeout(Duration.ofSeconds(30))
                .build();
        this.work = Executors.newFixedThreadPool(4, DaemonThreads.named("discord-work"));
        this.sends = Executors.newScheduledThreadPool(4, DaemonThreads.named("discord-send"));
        this.rest = sender != null ? sender : new RestSender(http, json, settings.apiBaseUrl(), settings.botToken(),
                new SendRetries(SendRetryPolicy.STANDARD, RetryScheduler.of(sends)), System::nanoTime);
        this.files = new DiscordFiles(http);
        this.slashCommands = new SlashCommands(commands);
        this.mapper = new InboundMapper(slashCommands, url -> maxBytes -> files.download(url, maxBytes));
    }

    /** The slash commands, derived from the core's registry. */
    SlashCommands slashCommands() {
        return slashCommands;
    }

    @Override
    public Platform platform() {
        return Platform.DISCORD;
    }

    @Override
    public Capabilities capabilities() {
        return ReplyRenderer.CAPABILITIES;
    }

    /** Starts the gateway when a bot token is configured; the interactions endpoint needs nothing started. */
    @Override
    public void start(InboundHandler inboundHandler) {
        pipeline.start(inboundHandler);
        if (settings.gateway()) {
            DiscordGateway g = new DiscordGateway(settings, this);
            gateway = g;
            g.start();
        }
    }

    /**
     * Takes a DM. Returns false when it cannot be taken now (not started or stopping).
     *
     * @param sender where the answer goes: JDA on the gateway
     */
    boolean onMessage(IncomingMessage message, DiscordSender sender) {
        return process(message, sender) != null;
    }

    CompletableFuture<Void> process(IncomingMessage message, DiscordSender sender) {
        if (!pipeline.running()) {
            return null;
        }
        if (!pipeline.firstDelivery("m" + message.messageId())) {
            return CompletableFuture.completedFuture(null);
        }
        Mapped mapped = mapper.map(message);
        if (mapped instanceof Mapped.Ignored ignored) {
            LOG.debug("discord message {} ignored: {}", message.messageId(), ignored.reason());
            return CompletableFuture.completedFuture(null);
        }
        String channel = message.channelId();
        String userId = message.authorId();
        Inbound inbound = ((Mapped.ForCore) mapped).inbound();
        return pipeline.answer(channel, inbound, r -> deliverToChannel(sender, channel, userId, r, inbound.requestId()));
    }

    /**
     * Takes a slash command: acknowledges it at once (the 3-second rule), then completes the deferred response
     * with the core's answer. Returns false, without acknowledging, for an interaction already handled.
     */
    boolean onInteraction(SlashInvocation invocation, Acknowledger ack, DiscordSender sender) {
        return process(invocation, ack, sender) != null;
    }

    CompletableFuture<Void> process(SlashInvocation invocation, Acknowledger ack, DiscordSender sender) {
        if (!pipeline.running() || !pipeline.firstDelivery("i" + invocation.interactionId())) {
            return null;
        }
        Mapped.ForCore mapped = mapper.map(invocation);
        boolean ephemeral = mapped.ephemeral();
        // The acknowledgement goes out before any work starts, so a slow coach cannot break the deadline.
        CompletableFuture<Void> acked = ack.defer(ephemeral);
        CompletableFuture<Reply> reply = pipeline.ask(mapped.inbound());
        InteractionRef ref = new InteractionRef(invocation.applicationId(), invocation.token(),
                invocation.requestId());
        return pipeline.track(acked.thenCombine(reply, (ok, r) -> r)
                .thenComposeAsync(r -> complete(sender, ref, ephemeral, r), work)
                .whenComplete((ok, error) -> {
                    if (error != null) {
                        LOG.warn("discord: answering interaction failed, request {}: {}", ref.requestId(),
                                rootMessage(error));
                    }
                }));
    }

    /**
     * The first message replaces the "thinking…" placeholder, the rest follow. A reply the core wants private
     * after a public deferral goes as ephemeral follow-ups, because a deferral's visibility cannot change.
     */
    private CompletableFuture<Void> complete(DiscordSender sender, InteractionRef ref, boolean deferredEphemeral,
                                             Reply reply) {
        List<OutboundMessage> messages = renderer.render(reply);
        if (messages.isEmpty()) {
            messages = List.of(OutboundMessage.text("Done."));
        }
        boolean moveToPrivate = reply.ephemeral() && !deferredEphemeral;
        CompletableFuture<Void> chain = moveToPrivate
                ? sender.editOriginal(ref, OutboundMessage.text(SENT_PRIVATELY))
                : sender.editOriginal(ref, messages.get(0));
        List<OutboundMessage> rest = moveToPrivate ? messages : messages.subList(1, messages.size());
        boolean followUpsEphemeral = deferredEphemeral || moveToPrivate;
        for (OutboundMessage m : rest) {
            chain = chain.thenCompose(ok -> sender.followUp(ref, m, followUpsEphemeral));
        }
        return chain;
    }

    private CompletableFuture<Void> deliverToChannel(DiscordSender sender, String channelId, String userId,
                                                     Reply reply, String requestId) {
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (OutboundMessage m : renderer.render(reply)) {
            chain = chain.thenCompose(ok -> sender.toChannel(channelId, userId, m));
        }
        return chain.whenComplete((ok, error) -> {
            if (error != null) {
                LOG.warn("discord: sending to channel {} failed, request {}: {}", channelId, requestId,
                        rootMessage(error));
            }
        });
    }

    /** Proactive notices (e.g. "Garmin linked") always go to the user's DM, never to a server channel. */
    @Override
    public void send(ConversationRef where, Reply reply) {
        DiscordGateway g = gateway;
        DiscordSender sender = g != null ? g.sender() : rest;
        pipeline.notice("dm:" + where.userId(), reply, r -> {
            CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
            for (OutboundMessage m : renderer.render(r)) {
                chain = chain.thenCompose(ok -> sender.toUser(where.userId(), m));
            }
            return chain.whenComplete((ok, error) -> {
                if (error != null) {
                    LOG.warn("discord: notice to user {} failed, request dc-proactive: {}", where.userId(),
                            rootMessage(error));
                }
            });
        });
    }

    /** The JAX-RS resource for {@code POST /discord/interactions}; only with a public key. */
    public DiscordInteractionsResource interactionsResource() {
        if (!settings.interactionsEndpoint()) {
            throw new IllegalStateException("the interactions endpoint needs DISCORD_PUBLIC_KEY");
        }
        return new DiscordInteractionsResource(new Ed25519Verifier(settings.publicKey()), clock, json,
                (invocation, ack) -> onInteraction(invocation, ack, rest));
    }

    public DiscordSettings settings() {
        return settings;
    }

    @Override
    public Status check() {
        DiscordGateway g = gateway;
        if (g != null) {
            return g.status();
        }
        return settings.interactionsEndpoint()
                ? new Status(true, "commands only: interactions endpoint, no gateway")
                : new Status(false, "not started");
    }

    /** Stops receiving, lets answers in flight be sent (up to 15 s), then releases threads and connections. */
    @Override
    public void stop() {
        int unfinished = pipeline.stop(STOP_WAIT);
        if (unfinished > 0) {
            LOG.warn("discord: {} answer(s) still in flight at stop", unfinished);
        }
        DiscordGateway g = gateway;
        if (g != null) {
            g.stop();
        }
        work.shutdown();
        sends.shutdown();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        LOG.info("discord adapter stopped");
    }

    static String rootMessage(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
