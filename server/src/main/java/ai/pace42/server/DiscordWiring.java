package ai.pace42.server;

import ai.pace42.bot.BotCore;
import ai.pace42.discord.DiscordAdapter;
import ai.pace42.discord.DiscordSettings;
import io.dropwizard.core.setup.Environment;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the Discord adapter on when a bot token or a public key is configured: its lifecycle, the interactions
 * endpoint (with a public key) and the "discord" health check. Registered after the core, so on shutdown the
 * adapter stops first and can still finish answers the core is preparing.
 */
final class DiscordWiring {

    private static final Logger LOG = LoggerFactory.getLogger(DiscordWiring.class);

    private DiscordWiring() {
    }

    static void register(Pace42Configuration config, Environment environment, BotCore core) {
        DiscordConfig discord = config.discord();
        if (!discord.enabled()) {
            LOG.info("discord: off (set DISCORD_BOT_TOKEN and/or DISCORD_PUBLIC_KEY to turn it on)");
            return;
        }
        DiscordSettings settings = new DiscordSettings(discord.token(), discord.publicKey(),
                URI.create(discord.apiUrl()), discord.opsGuildId());
        DiscordAdapter adapter = new DiscordAdapter(settings, core.commands(), core.deliveries());
        ChannelWiring.run(environment, core, adapter);
        if (settings.interactionsEndpoint()) {
            environment.jersey().register(adapter.interactionsResource());
            LOG.info("discord: interactions endpoint at {}/discord/interactions", config.publicUrl());
        }
        if (!settings.gateway()) {
            LOG.info("discord: no DISCORD_BOT_TOKEN: slash commands through the endpoint only, no DMs");
        }
    }
}
