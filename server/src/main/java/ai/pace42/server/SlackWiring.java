package ai.pace42.server;

import ai.pace42.bot.BotCore;
import ai.pace42.bot.secrets.SecretStore;
import ai.pace42.slack.SlackAdapter;
import ai.pace42.slack.SlackInstallations;
import ai.pace42.slack.SlackOAuthStates;
import ai.pace42.slack.SlackSettings;
import io.dropwizard.core.setup.Environment;
import java.net.URI;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the Slack adapter on when a bot token or a signing secret is configured: its lifecycle, the
 * {@code /slack/*} endpoints (HTTP mode), the installation stores on our database (OAuth install) and the
 * "slack" health check. Registered after the core, so on shutdown the adapter stops first.
 */
final class SlackWiring {

    private static final Logger LOG = LoggerFactory.getLogger(SlackWiring.class);

    private SlackWiring() {
    }

    static void register(Pace42Configuration config, Environment environment, BotCore core, Jdbi jdbi,
                         SecretStore secrets, Clock clock) {
        SlackConfig slack = config.slack();
        if (!slack.enabled()) {
            LOG.info("slack: off (Socket Mode needs the bot and app tokens, HTTP mode the signing secret; see RUNBOOK.md)");
            return;
        }
        SlackSettings settings = new SlackSettings(slack.botToken(), slack.appToken(), slack.signingSecret(),
                slack.clientId(), slack.clientSecret(), URI.create(slack.apiUrl()), config.publicUrl());
        SlackInstallations installations = settings.oauth() ? new SlackInstallations(jdbi, secrets, clock) : null;
        SlackOAuthStates states = settings.oauth() ? new SlackOAuthStates(jdbi, clock) : null;
        SlackAdapter adapter = new SlackAdapter(settings, installations, states, core.deliveries(), clock, core.commands());
        ChannelWiring.run(environment, core, adapter);
        if (settings.mode() == SlackSettings.Mode.HTTP) {
            environment.jersey().register(adapter.httpResource());
        }
    }
}
