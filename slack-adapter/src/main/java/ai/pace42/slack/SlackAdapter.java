package ai.pace42.slack;

import ai.pace42.bot.channel.ChannelHealth;
import ai.pace42.bot.channel.Capabilities;
import ai.pace42.bot.channel.ChatAdapter;
import ai.pace42.bot.channel.ConnectRetry;
import ai.pace42.bot.channel.ConversationRef;
import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.InFlightAnswers;
import ai.pace42.bot.channel.InboundDeliveries;
import ai.pace42.bot.channel.InboundHandler;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.channel.TextRenderer;
import ai.pace42.bot.conversation.CommandRegistry;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.model.File;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import com.slack.api.model.view.View;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
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
    private static final Duration HOME_WAIT = Duration.ofSeconds(20);

    private final SlackSettings settings;
    private final SlackInstallations installations;
    private final Slack slack;
    private final App app;
    private final SlackSender sender;
    private final SlackFiles files;
    private final OkHttpClient http;
    private final BlockRenderer renderer = new BlockRenderer();
    private final InboundMapper mapper;
    private final InboundDeliveries deliveries;
    private final ExecutorService inboundThreads;
    private final ExecutorService sendThreads;
    private final ChannelOrder order;
    private final SlackSignature signature;
    private final InFlightAnswers inFlight = new InFlightAnswers();

    private volatile InboundHandler handler;
    private volatile SocketModeApp socketMode;
    private volatile boolean started;
    private volatile boolean stopping;
    private volatile String lastError = "not started";
    private volatile ConnectRetry connecting;

    /**
     * @param installations the workspaces installed through OAuth; required when {@code settings.oauth()}
     * @param deliveries    where handled event ids are kept; the core's database ledger serves several instances
     * @param commands      the core's commands: {@code /coach <name>} runs any public one
     */
    public SlackAdapter(SlackSettings settings, SlackInstallations installations, SlackOAuthStates states,
                        InboundDeliveries deliveries, Clock clock, CommandRegistry commands) {
        this(settings, installations, states, deliveries, clock, commands, d -> Thread.sleep(d.toMillis()));
    }

    /** @param sleeper how the sender waits out a 429; tests record the wait instead of sleeping */
    SlackAdapter(SlackSettings settings, SlackInstallations installations, SlackOAuthStates states,
                 InboundDeliveries deliveries, Clock clock, CommandRegistry commands, SlackSender.Sleeper sleeper) {
        this.settings = settings;
        this.deliveries = deliveries;
        this.installations = installations;
        if (settings.oauth() && (installations == null || states == null)) {
            throw new IllegalArgumentException("the OAuth install needs the installation and state stores");
        }
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiUrl().toString());
        config.setPrettyResponseLoggingEnabled(false);
        config.setFailOnUnknownProperties(false);
        this.slack = Slack.getInstance(config);
        this.app = new App(appConfig(settings, slack));
        if (settings.oauth()) {
            app.asOAuthApp(true);
            app.service(installations);
            app.service(states);
            OAuthFailures.install(app);
        }
        this.http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(30))
                .build();
        this.sender = new SlackSender(slack, 4, Duration.ofSeconds(60), sleeper);
        this.files = new SlackFiles(slack, http, settings.apiUrl());
        this.mapper = new InboundMapper(SlackSettings.ADMIN_COMMAND, commands,
                ref -> maxBytes -> download(ref, maxBytes));
        // One thread, so messages reach the core (and the ledger) in the order Slack delivered them; the work on
        // it is short (a ledger insert, mapping, a submit to the core), the slow part runs on the core's workers.
        this.inboundThreads = Executors.newSingleThreadExecutor(daemonThreads("slack-inbound"));
        this.sendThreads = Executors.newFixedThreadPool(4, daemonThreads("slack-send"));
        this.order = new ChannelOrder(sendThreads);
        this.signature = settings.signingSecret() == null ? null : new SlackSignature(settings.signingSecret(), clock);
        registerListeners();
    }

    /** Every setting explicitly: Bolt would otherwise fill blanks from SLACK_* environment variables. */
    private static AppConfig appConfig(SlackSettings s, Slack slack) {
        return AppConfig.builder()
                .slack(slack)
                .signingSecret(s.signingSecret())
                .singleTeamBotToken(s.oauth() ? null : s.botToken())
                .verificationToken(null)
                .clientId(s.clientId())
                .clientSecret(s.clientSecret())
                .redirectUri(s.oauth() ? s.redirectUri() : null)
                .scope(SlackSettings.BOT_SCOPES)
                .userScope(null)
                .appPath(null)
                .oauthStartPath(SlackSettings.INSTALL_PATH)
                .oauthInstallPath(SlackSettings.INSTALL_PATH)
                .oauthCallbackPath(SlackSettings.REDIRECT_PATH)
                .oauthRedirectUriPath(SlackSettings.REDIRECT_PATH)
                .oAuthInstallPageRenderingEnabled(false)
                .oauthCompletionUrl(null)
                .oauthCancellationUrl(null)
                .subtypedMessageEventsAutoAckEnabled(true)
                .build();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public Platform platform() {
        return Platform.SLACK;
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(BlockRenderer.MAX_SECTION, 0, true, true, true, TextRenderer.SLACK_MRKDWN);
    }

    // ---------------------------------------------------------------- listeners (ack first, work later)

    private void registerListeners() {
        app.event(MessageEvent.class, (req, ctx) -> {
            MessageEvent e = req.getEvent();
            onMessage(req, ctx, new InboundMapper.Message(req.getEventId(), req.getEnterpriseId(), teamOf(req, ctx),
                    e.getUser(), e.getBotId(), e.getSubtype(), e.getChannel(), e.getChannelType(), e.getText(),
                    e.getTs(), e.getThreadTs(), files(e.getFiles()), false));
            return ctx.ack();
        });
        app.event(MessageFileShareEvent.class, (req, ctx) -> {
            MessageFileShareEvent e = req.getEvent();
            onMessage(req, ctx, new InboundMapper.Message(req.getEventId(), req.getEnterpriseId(), teamOf(req, ctx),
                    e.getUser(), null, null, e.getChannel(), e.getChannelType(), e.getText(), e.getTs(),
                    e.getThreadTs(), files(e.getFiles()), false));
            return ctx.ack();
        });
        app.event(AppMentionEvent.class, (req, ctx) -> {
            AppMentionEvent e = req.getEvent();
            onMessage(req, ctx, new InboundMapper.Message(req.getEventId(), req.getEnterpriseId(), teamOf(req, ctx),
                    e.getUser(), e.getBotId(), e.getSubtype(), e.getChannel(), "channel", e.getText(), e.getTs(),
                    e.getThreadTs(), files(e.getFiles()), true));
            return ctx.ack();
        });
        app.event(AppHomeOpenedEvent.class, (req, ctx) -> {
            if (firstDelivery(req, ctx) && "home".equals(req.getEvent().getTab())) {
                String token = ctx.getBotToken();
                String team = teamOf(req, ctx);
                AppHomeOpenedEvent e = req.getEvent();
                if (handler != null && !stopping) {
                    inFlight.track(CompletableFuture.supplyAsync(() -> publishHome(token, team, e.getUser(), e.getChannel(),
                            "sl-" + req.getEventId()), inboundThreads).thenCompose(f -> f));
                }
            }
            return ctx.ack();
        });
        app.event(AppUninstalledEvent.class, (req, ctx) -> {
            if (installations != null && firstDelivery(req, ctx)) {
                installations.remove(req.getEnterpriseId(), teamOf(req, ctx));
            }
            return ctx.ack();
        });
        app.event(TokensRevokedEvent.class, (req, ctx) -> {
            TokensRevokedEvent.Tokens tokens = req.getEvent().getTokens();
            if (installations != null && tokens != null && tokens.getBot() != null && !tokens.getBot().isEmpty()) {
                installations.remove(req.getEnterpriseId(), teamOf(req, ctx));
            }
            return ctx.ack();
        });
        app.command(SlackSettings.COACH_COMMAND, this::onCommand);
        app.command(SlackSettings.ADMIN_COMMAND, this::onCommand);
        // Link buttons open their URL in the browser; Slack still reports the click, which only needs an ack.
        app.blockAction(Pattern.compile("pace42-link-.*"), (req, ctx) -> ctx.ack());
        app.blockAction(HomeTab.LINK_ACTION, this::onHomeLinkClick);
    }

    private static String teamOf(EventsApiPayload<?> req, EventContext ctx) {
        return req.getTeamId() != null ? req.getTeamId() : ctx.getTeamId();
    }

    private static List<InboundMapper.SharedFile> files(List<File> files) {
        List<InboundMapper.SharedFile> out = new ArrayList<>();
        if (files != null) {
            for (File f : files) {
                out.add(new InboundMapper.SharedFile(f.getId(), f.getName(), f.getMimetype(),
                        f.getSize() == null ? -1 : f.getSize()));
            }
        }
        return out;
    }

    /** False for an event id seen before: Slack redelivers when it missed our ack (X-Slack-Retry-Num). */
    private boolean firstDelivery(EventsApiPayload<?> req, EventContext ctx) {
        if (req.getEventId() == null || deliveries.firstDelivery(Platform.SLACK, req.getEventId())) {
            return true;
        }
        LOG.info("slack event {} delivered again (retry {}, {}): ignored", req.getEventId(), ctx.getRetryNum(),
                ctx.getRetryReason());
        return false;
    }

    /** Everything after the ack, including the ledger's database write, runs on our threads. */
    private void onMessage(EventsApiPayload<?> req, EventContext ctx, InboundMapper.Message message) {
        String token = ctx.getBotToken();
        String botUserId = ctx.getBotUserId();
        inFlight.track(CompletableFuture.runAsync(() -> {
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

    private Response onCommand(SlashCommandRequest req, SlashCommandContext ctx) {
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
        if (stopping || handler == null) {
            LOG.warn("slack event arrived while the adapter is not running: dropped");
            return;
        }
        MappedEvent.ForCore forCore = (MappedEvent.ForCore) mapped;
        Inbound inbound = forCore.inbound();
        // The core answers every message, failures included, with a reply carrying its code and request id.
        CompletableFuture<Reply> reply = CompletableFuture
                .supplyAsync(() -> handler.onInbound(inbound), inboundThreads)
                .thenCompose(f -> f);
        inFlight.track(deliver(token, forCore.to(), reply, inbound.requestId()));
    }

    private CompletableFuture<Void> deliver(String token, Destination to, CompletableFuture<Reply> reply,
                                            String requestId) {
        return order.deliverInOrder(to.teamId() + "/" + to.channelId(), reply, r -> {
            Destination target = r.ephemeral() ? to.ephemeralTo() : to;
            int parts = sender.send(token, target, renderer.render(r), requestId);
            LOG.debug("slack request {}: {} part(s) sent", requestId, parts);
        });
    }

    // ---------------------------------------------------------------- App Home

    /** Asks the core for the read-only account view and publishes it; never blocks a thread waiting. */
    private CompletableFuture<Void> publishHome(String token, String teamId, String userId, String channelId,
                                                String requestId) {
        PlatformIdentity who = new PlatformIdentity(Platform.SLACK, teamId, userId);
        return handler.overview(who)
                .orTimeout(HOME_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                .thenAcceptAsync(view -> publish(token, userId, HomeTab.view(view, channelId), requestId), sendThreads)
                .exceptionally(error -> {
                    LOG.warn("slack home tab for request {} not published: {}", requestId, error.toString());
                    return null;
                });
    }

    /** The Home button: the runner asks for a link, answered privately in their DM with the app. */
    private Response onHomeLinkClick(BlockActionRequest req, ActionContext ctx) {
        var payload = req.getPayload();
        String dmChannel = payload.getActions() == null || payload.getActions().isEmpty()
                ? null : payload.getActions().get(0).getValue();
        String team = payload.getTeam() == null ? ctx.getTeamId() : payload.getTeam().getId();
        String user = payload.getUser() == null ? null : payload.getUser().getId();
        if (dmChannel != null && dmChannel.startsWith("D") && user != null) {
            String eventId = "home-" + payload.getTriggerId();
            dispatch(mapper.map(new InboundMapper.Message(eventId, ctx.getEnterpriseId(), team, user, null, null,
                    dmChannel, "im", "/link", null, null, List.of(), false), ctx.getBotUserId()), ctx.getBotToken());
        }
        return ctx.ack();
    }

    private void publish(String token, String userId, View view, String requestId) {
        try {
            var response = slack.methods(token).viewsPublish(r -> r.userId(userId).view(view));
            if (!response.isOk()) {
                LOG.warn("slack views.publish failed for request {}: {}", requestId, response.getError());
            }
        } catch (IOException | com.slack.api.methods.SlackApiException | RuntimeException e) {
            LOG.warn("slack views.publish failed for request {}: {}", requestId, e.toString());
        }
    }

    // ---------------------------------------------------------------- ChatAdapter

    @Override
    public void start(InboundHandler inboundHandler) {
        this.handler = inboundHandler;
        stopping = false;
        connecting = ConnectRetry.start("slack-connect", this::tryStart);
    }


    /** Bolt checks a single-workspace token with auth.test on start; Socket Mode then opens its WebSocket. */
    private synchronized boolean tryStart() {
        try {
            app.start();
            if (settings.mode() == SlackSettings.Mode.SOCKET) {
                SocketModeApp socket = new SocketModeApp(settings.appToken(), app, SocketModeClient.Backend.JavaWebSocket);
                try {
                    socket.startAsync();
                } catch (Exception e) {
                    closeQuietly(socket); // a half-opened client would otherwise keep its threads
                    throw e;
                }
                socketMode = socket;
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

    private static void closeQuietly(SocketModeApp socket) {
        try {
            socket.close();
        } catch (Exception e) {
            LOG.debug("slack: closing a failed Socket Mode client: {}", e.toString());
        }
    }

    /** Proactive sends (e.g. "Garmin linked"): the tenant is the team, the channel is where the link was asked. */
    @Override
    public void send(ConversationRef where, Reply reply) {
        Optional<String> token = tokenFor(null, where.tenantId());
        if (token.isEmpty()) {
            LOG.warn("slack: no token for workspace {}: notice not sent", where.tenantId());
            return;
        }
        Destination to = new Destination(null, where.tenantId(), where.channelId(), where.userId(), null, false, null);
        inFlight.track(deliver(token.get(), to, CompletableFuture.completedFuture(reply), "sl-notice"));
    }

    /** Downloads a file a user shared, by its {@code enterprise/team/fileId} reference, within the core's limit. */
    private byte[] download(String fileRef, long maxBytes) throws IOException {
        String[] ref = fileRef.split("/", 3);
        if (ref.length != 3) {
            throw new IOException("not a Slack file reference");
        }
        String enterprise = "_".equals(ref[0]) ? null : ref[0];
        Optional<String> token = tokenFor(enterprise, ref[1]);
        if (token.isEmpty()) {
            throw new IOException("no token for workspace " + ref[1]);
        }
        return files.download(token.get(), ref[2], maxBytes);
    }

    private Optional<String> tokenFor(String enterpriseId, String teamId) {
        if (!settings.oauth()) {
            return Optional.ofNullable(settings.botToken());
        }
        return installations.botToken(enterpriseId, teamId);
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
        if (!started) {
            return new Status(false, lastError);
        }
        if (settings.mode() == SlackSettings.Mode.SOCKET) {
            SocketModeApp socket = socketMode;
            boolean connected = socket != null && !socket.isClientStopped() && socket.getClient().verifyConnection();
            return connected ? new Status(true, "socket mode connected")
                    : new Status(false, "socket mode not connected");
        }
        if (!settings.oauth()) {
            String problem = authTest(settings.botToken());
            return problem == null ? new Status(true, "http mode; auth.test ok")
                    : new Status(false, "http mode; auth.test: " + problem);
        }
        List<SlackInstallations.Workspace> workspaces = installations.workspaces();
        List<String> failing = new ArrayList<>();
        for (SlackInstallations.Workspace w : workspaces) {
            Optional<String> token = installations.botToken(w.enterpriseId(), w.teamId());
            String problem = token.isEmpty() ? "token missing" : authTest(token.get());
            if (problem != null) {
                failing.add(w.teamId() + ": " + problem);
            }
        }
        if (failing.isEmpty()) {
            return new Status(true, "http mode; " + workspaces.size() + " workspace(s) installed, auth.test ok");
        }
        return new Status(false, "http mode; auth.test failed for " + String.join(", ", failing));
    }

    /** Null when the token works, else Slack's error code. */
    private String authTest(String token) {
        try {
            AuthTestResponse response = slack.methods(token).authTest(r -> r);
            return response.isOk() ? null : response.getError();
        } catch (com.slack.api.methods.SlackApiException e) {
            return "HTTP " + e.getResponse().code();
        } catch (IOException | RuntimeException e) {
            return e.getClass().getSimpleName();
        }
    }

    /** Stops receiving, lets answers in flight be sent (up to ~15 s), then releases threads and connections. */
    @Override
    public void stop() {
        stopping = true;
        ConnectRetry retry = connecting;
        if (retry != null) {
            retry.stop();
        }
        SocketModeApp socket = socketMode;
        if (socket != null) {
            try {
                socket.close();
            } catch (Exception e) {
                LOG.warn("slack: closing Socket Mode failed: {}", e.toString());
            }
        }
        int unfinished = inFlight.awaitAll(STOP_WAIT);
        if (unfinished > 0) {
            LOG.warn("slack: {} answer(s) still in flight at stop", unfinished);
        }
        inboundThreads.shutdown();
        sendThreads.shutdown();
        try {
            app.stop();
        } catch (Exception e) {
            LOG.warn("slack: stopping Bolt failed: {}", e.toString());
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        try {
            slack.close();
        } catch (Exception e) {
            LOG.debug("slack: closing the client failed: {}", e.toString());
        }
        LOG.info("slack adapter stopped");
    }
}
