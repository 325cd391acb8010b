package ai.pace42.discord;

import ai.pace42.bot.channel.ChannelHealth;
import ai.pace42.bot.channel.ConnectRetry;
import java.time.Duration;
import java.util.EnumSet;
import java.util.function.UnaryOperator;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the JDA connection: only the DIRECT_MESSAGES intent (no privileged intents), REST at the configured base
 * URL, and the command registration once the session is ready. JDA reconnects by itself once logged in; a login
 * that fails because Discord is unreachable is retried in the background (a refused token is not: it needs a new
 * one). Either way the server keeps running and the health check says why.
 */
final class DiscordGateway {

    private static final Logger LOG = LoggerFactory.getLogger(DiscordGateway.class);

    private final DiscordSettings settings;
    private final DiscordAdapter adapter;
    private volatile JDA jda;
    private volatile DiscordSender sender;
    private final UnaryOperator<JDABuilder> customize;
    private volatile String lastError = "connecting";
    private volatile boolean stopping;
    private volatile ConnectRetry connecting;

    DiscordGateway(DiscordSettings settings, DiscordAdapter adapter) {
        this(settings, adapter, UnaryOperator.identity());
    }

    /** {@code customize} lets tests keep JDA off the real gateway (a session controller that never connects). */
    DiscordGateway(DiscordSettings settings, DiscordAdapter adapter, UnaryOperator<JDABuilder> customize) {
        this.settings = settings;
        this.adapter = adapter;
        this.customize = customize;
    }

    void start() {
        connecting = ConnectRetry.start("discord-login", this::tryLogin);
    }

    /** True when logged in, or when retrying cannot help (a refused token). */
    private boolean tryLogin() {
        try {
            JDA built = customize.apply(JDABuilder.createLight(settings.botToken(),
                            EnumSet.of(GatewayIntent.DIRECT_MESSAGES))
                    .setRestConfig(new RestConfig().setBaseUrl(settings.apiBaseUrl().toString()))
                    .addEventListeners(new JdaListener(adapter, this))
                    .setEnableShutdownHook(false))
                    .build();
            if (stopping) { // stopped while this login was under way
                built.shutdownNow();
                return true;
            }
            sender = new JdaSender(built);
            jda = built;
            LOG.info("discord: logged in, gateway connecting (REST at {})", settings.apiBaseUrl());
            return true;
        } catch (InvalidTokenException e) {
            lastError = "login failed: Discord refused the bot token (check DISCORD_BOT_TOKEN)";
            LOG.error("discord: {}", lastError);
            return true;
        } catch (RuntimeException e) {
            // Exception texts from JDA never contain the token.
            lastError = "login failed: " + e.getMessage();
            LOG.error("discord: {}; will retry", lastError);
            return false;
        }
    }


    /** Registers the commands on every READY: idempotent, and it keeps Discord in step with this version. */
    void onReady(JDA ready) {
        LOG.info("discord: connected as {} ({})", ready.getSelfUser().getName(), ready.getSelfUser().getId());
        lastError = "";
        ready.updateCommands().addCommands(JdaCommands.global(adapter.slashCommands())).queue(
                ok -> LOG.info("discord: {} global slash commands registered", ok.size()),
                error -> LOG.warn("discord: registering global commands failed: {}", error.getMessage()));
        if (settings.opsGuildId().isEmpty()) {
            LOG.info("discord: no DISCORD_OPS_GUILD_ID, /admin is not registered");
            return;
        }
        Guild ops = ready.getGuildById(settings.opsGuildId());
        if (ops == null) {
            LOG.warn("discord: the bot is not in operations server {}; /admin is not registered",
                    settings.opsGuildId());
            return;
        }
        ops.updateCommands().addCommands(JdaCommands.ops(adapter.slashCommands())).queue(
                ok -> LOG.info("discord: /admin registered in operations server {}", settings.opsGuildId()),
                error -> LOG.warn("discord: registering /admin failed: {}", error.getMessage()));
    }

    DiscordSender sender() {
        return sender;
    }

    ChannelHealth.Status status() {
        JDA current = jda;
        if (current == null) {
            return new ChannelHealth.Status(false, lastError);
        }
        JDA.Status s = current.getStatus();
        return s == JDA.Status.CONNECTED
                ? new ChannelHealth.Status(true, "gateway connected, ping " + current.getGatewayPing() + " ms")
                : new ChannelHealth.Status(false, "gateway " + s.name().toLowerCase() + " " + lastError);
    }

    void stop() {
        stopping = true;
        ConnectRetry retry = connecting;
        if (retry != null) {
            retry.stop();
        }
        JDA current = jda;
        if (current == null) {
            return;
        }
        current.shutdown();
        try {
            if (!current.awaitShutdown(Duration.ofSeconds(10))) {
                current.shutdownNow();
            }
        } catch (InterruptedException e) {
            current.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
