package ai.pace42.slack;

import ai.pace42.concurrent.DaemonThreads;
import ai.pace42.bot.channel.RetryScheduler;
import ai.pace42.bot.channel.SendRetries;
import ai.pace42.bot.channel.SendRetryPolicy;
import ai.pace42.bot.channel.ChannelHealth;
import ai.pace42.bot.channel.ChannelPipeline;
import ai.pace42.bot.channel.Capabilities;
import ai.pace42.bot.channel.ChatAdapter;
import ai.pace42.bot.channel.ConnectRetry;
import ai.pace42.bot.channel.ConversationRef;
import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.InboundDeliveries;
import ai.pace42.bot.channel.InboundHandler;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.conversation.CommandRegistry;
import com.slack.api.Slack;
import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * pace42 on Slack. Bolt receives events and commands (Socket Mode, or HTTP through {@link SlackHttpResource});
 * every listener acknowledges at once and hands the work to our own threads: de-duplicate, map, ask the core,
 * render Block Kit, send in channel order.
 */
public final class SlackAdapter implements ChatAdapter, ChannelHealth {

    private static final Logger LOG = LoggerFactory.getLogger(SlackAdapter.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(15);

    private final SlackSettings settings;
    private final SlackInstallations installations;
    private final Slack slack;
    private final App app;
    private final SlackSender sender;
    private final SlackTokens tokens;
    private final OkHttpClient http;
    private final BlockRenderer renderer = new BlockRenderer();
    private final InboundMapper mapper;
    private final ChannelPipeline pipeline;
    private final ExecutorService inboundThreads;
    private final ScheduledExecutorService sendThreads;
    private final SlackSignature signature;
    private final SlackHealth health;
    private final SlackHome home;

    private volatile SocketModeApp socketMode;
    private volatile boolean started;
    private volatile String lastError = "not started";
    private volatile ConnectRetry connecting;

    /**
     * @param installations the workspaces installed through OAuth; required when {@code settings.oauth()}
     * @param deliveries    where handled event ids are kept; the core's database ledger serves several instances
     * @param commands      the core's commands: {@code /coach <name>} runs any public one
     */
    public SlackAdapter(SlackSettings settings, SlackInstallations installations, SlackOAuthStates states,
                        InboundDeliveries deliveries, Clock clock, CommandRegistry commands) {
        this(settings, installations, states, deliveries, clock, commands, null);
    }

    /** @param retryScheduler where sends wait out a 429 or 5xx (null: the send threads); tests pass a virtual one */
    SlackAdapter(SlackSettings settings, SlackInstallations installations, SlackOAuthStates states,
                 InboundDeliveries deliveries, Clock clock, CommandRegistry commands, RetryScheduler retryScheduler) {
        this.settings = settings;
        this.pipeline = new ChannelPipeline(Platform.SLACK, deliveries);
        this.installations = installations;
        if (settings.oauth() && (installations == null || states == null)) {
            throw new IllegalArgumentException("the OAuth install needs the installation and state stores");
        }
        this.slack = SlackBolt.client(settings);
        this.app = SlackBolt.app(settings, slack, installations, states);
        this.http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(30))
                .build();
        this.health = new SlackHealth(settings, installations, slack);
        this.tokens = new SlackTokens(settings, installations);
        SlackFiles files = new SlackFiles(slack, http, settings.apiUrl());
        this.mapper = new InboundMapper(SlackSettings.ADMIN_COMMAND, commands,
                ref -> maxBytes -> files.download(tokens, ref, maxBytes));
        // One thread, so messages reach the core (and the ledger) in the order Slack delivered them; the work on
        // it is short (a ledger insert, mapping, a submit to the core), the slow part runs on the core's workers.
        this.inboundThreads = Executors.newSingleThreadExecutor(DaemonThreads.named("slack-inbound"));
        this.sendThreads = Executors.newScheduledThreadPool(4, DaemonThreads.named("slack-send"));
        this.sender = new SlackSender(slack, new SendRetries(SendRetryPolicy.STANDARD,
                retryScheduler != null ? retryScheduler : RetryScheduler.of(sendThreads)));
        this.home = new SlackHome(slack, sendThreads);
        this.signature = settings.signingSecret() == null ? null : new SlackSignature(settings.signingSecret(), clock);
        SlackEvents.register(app, this);
    }

    @Override
    public Platform platform() {
        return Platform.SLACK;
    }

    @Override
    public Capabilities capabilities() {
        return BlockRenderer.CAPABILITIES;
    }

    // ---------------------------------------------------------------- listeners (ack first, work later)

    /** The App Home was opened: its view is published from our threads, after the ack. */
    void onHomeOpened(EventsApiPayload<?> req, EventContext ctx, AppHomeOpenedEvent e) {
        if (firstDelivery(req, ctx) && "home".equals(e.getTab()) && pipeline.running()) {
            String token = ctx.getBotToken();
            String team = SlackEvents.teamOf(req, ctx);
            pipeline.track(CompletableFuture.supplyAsync(() -> home.publish(pipeline, token, team, e.getUser(),
                    e.getChannel(), "sl-" + req.getEventId()), inboundThreads).thenCompose(f -> f));
        }
    }

    /** The app was uninstalled, or its bot token revoked: the workspace's installation goes. */
    void onUninstalled(EventsApiPayload<?> req, EventContext ctx, boolean checkRedelivery) {
        if (installations != null && (!checkRedelivery || firstDelivery(req, ctx))) {
            installations.remove(req.getEnterpriseId(), SlackEvents.teamOf(req, ctx));
        }
    }

    /** False for an event id seen before: Slack redelivers when it missed our ack (X-Slack-Retry-Num). */
    private boolean firstDelivery(EventsApiPayload<?> req, EventContext ctx) {
        return req.getEventId() == null || pipeline.firstDelivery(req.getEventId());
    }

    /** Everything after the ack, including the ledger's database write, runs on our threads. */
    void onMessage(EventsApiPayload<?> req, EventContext ctx, InboundMapper.Message message) {
        String token = ctx.getBotToken();
        String botUserId = ctx.getBotUserId();
        pipeline.track(CompletableFuture.runAsync(() -> {
            if (!firstDelivery(req, ctx)) {
                return;
            }
            MappedEvent mapped;
            try {
                mapped = mapper.map(message, botUserId);
            } catch (RuntimeException e) {
                LOG.warn("slack event {} could not be read: {}", req.getEventId(), e.toString());
                return;
            }
            dispatch(mapped, token);
        }, inboundThreads));
    }

    Response onCommand(SlashCommandRequest req, SlashCommandContext ctx) {
        SlashCommandPayload p = req.getPayload();
        String requestId = "sl-cmd-" + (p.getTriggerId() == null ? System.nanoTime() : p.getTriggerId());
        MappedEvent mapped = mapper.map(new InboundMapper.Command(p.getEnterpriseId(), p.getTeamId(), p.getUserId(),
                p.getUserName(), p.getChannelId(), p.getChannelName(), p.getCommand(), p.getText(), p.getTriggerId(),
                p.getResponseUrl()), requestId);
        dispatch(mapped, ctx.getBotToken());
        return ctx.ack(); // empty: the answer follows as an ephemeral message
    }

    private void dispatch(MappedEvent mapped, String token) {
        if (mapped instanceof MappedEvent.Ignored ignored) {
            LOG.debug("slack event ignored: {}", ignored.reason());
            return;
        }
        if (!pipeline.running()) {
            LOG.warn("slack event arrived while the adapter is not running: dropped");
            return;
        }
        MappedEvent.ForCore forCore = (MappedEvent.ForCore) mapped;
        Inbound inbound = forCore.inbound();
        // The core answers every message, failures included, with a reply carrying its code and request id.
        deliver(token, forCore.to(), pipeline.ask(inbound), inbound.requestId());
    }

    private CompletableFuture<Void> deliver(String token, Destination to, CompletableFuture<Reply> reply,
                                            String requestId) {
        return pipeline.deliver(to.teamId() + "/" + to.channelId(), reply, r -> sender.send(token,
                r.ephemeral() ? to.ephemeralTo() : to, renderer.render(r), requestId)
                .thenAccept(parts -> LOG.debug("slack request {}: {} part(s) sent", requestId, parts)));
    }

    // ---------------------------------------------------------------- App Home

    /** The Home button: the runner asks for a link, answered privately in their DM with the app. */
    Response onHomeLinkClick(BlockActionRequest req, ActionContext ctx) {
        SlackHome.linkRequest(req, ctx).ifPresent(m -> dispatch(mapper.map(m, ctx.getBotUserId()), ctx.getBotToken()));
        return ctx.ack();
    }

    // ---------------------------------------------------------------- ChatAdapter

    @Override
    public void start(InboundHandler inboundHandler) {
        pipeline.start(inboundHandler);
        connecting = ConnectRetry.start("slack-connect", this::tryStart);
    }

    /** Bolt checks a single-workspace token with auth.test on start; Socket Mode then opens its WebSocket. */
    private synchronized boolean tryStart() {
        try {
            app.start();
            if (settings.mode() == SlackSettings.Mode.SOCKET) {
                socketMode = SlackBolt.openSocket(settings, app);
                LOG.info("slack: Socket Mode started (it reconnects by itself; "
                        + "the slack health check shows the connection)");
            } else {
                LOG.info("slack: receiving events over HTTP at /slack/events (OAuth install {})",
                        settings.oauth() ? "on at " + SlackSettings.INSTALL_PATH : "off");
            }
            started = true;
            lastError = "";
            return true;
        } catch (Exception e) {
            // Bolt's messages carry Slack's error code, never the token.
            lastError = "start failed: " + e.getMessage();
            LOG.error("slack: {}; will retry", lastError);
            return false;
        }
    }

    /** Proactive sends (e.g. "Garmin linked"): the tenant is the team, the channel is where the link was asked. */
    @Override
    public void send(ConversationRef where, Reply reply) {
        Optional<String> token = tokens.of(null, where.tenantId());
        if (token.isEmpty()) {
            LOG.warn("slack: no token for workspace {}: notice not sent", where.tenantId());
            return;
        }
        Destination to = new Destination(null, where.tenantId(), where.channelId(), where.userId(), null, false, null);
        deliver(token.get(), to, CompletableFuture.completedFuture(reply), "sl-notice");
    }

    /** The JAX-RS resource for {@code /slack/*}; register it only in HTTP mode. */
    public SlackHttpResource httpResource() {
        if (settings.mode() != SlackSettings.Mode.HTTP) {
            throw new IllegalStateException("the HTTP endpoints are only served in HTTP mode");
        }
        return new SlackHttpResource(app, signature, settings.oauth());
    }

    public SlackSettings.Mode mode() {
        return settings.mode();
    }

    /** The Bolt app, for tests that drive it with signed requests. */
    App app() {
        return app;
    }

    @Override
    public Status check() {
        return health.check(started, lastError, socketMode);
    }

    /** Stops receiving, lets answers in flight be sent (up to ~15 s), then releases threads and connections. */
    @Override
    public void stop() {
        ConnectRetry retry = connecting;
        if (retry != null) {
            retry.stop();
        }
        SlackBolt.closeQuietly(socketMode);
        int unfinished = pipeline.stop(STOP_WAIT);
        if (unfinished > 0) {
            LOG.warn("slack: {} answer(s) still in flight at stop", unfinished);
        }
        inboundThreads.shutdown();
        sendThreads.shutdown();
        SlackBolt.close(app, slack, http);
        LOG.info("slack adapter stopped");
    }
}
