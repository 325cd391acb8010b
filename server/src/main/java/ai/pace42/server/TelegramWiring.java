package ai.pace42.server;

import ai.pace42.bot.BotCore;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.telegram.TelegramAdapter;
import ai.pace42.telegram.TelegramSettings;
import io.dropwizard.core.setup.Environment;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the Telegram adapter on when a bot token is configured: its lifecycle, the webhook resource (webhook
 * mode) and the "telegram" health check. Registered after the core, so on shutdown the adapter stops first and
 * can still finish answers the core is preparing.
 */
final class TelegramWiring {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramWiring.class);
    static final String WEBHOOK_PATH = "/telegram/webhook";

    private TelegramWiring() {
    }

    static void register(Pace42Configuration config, Environment environment, BotCore core) {
        TelegramConfig telegram = config.telegram();
        if (!telegram.enabled()) {
            LOG.info("telegram: off (set TELEGRAM_BOT_TOKEN to turn it on)");
            return;
        }
        TelegramSettings settings = new TelegramSettings(telegram.token(), URI.create(telegram.apiUrl()),
                telegram.webhookMode() ? TelegramSettings.Mode.WEBHOOK : TelegramSettings.Mode.POLLING,
                URI.create(config.publicUrl() + WEBHOOK_PATH), telegram.webhookSecret(),
                telegramAdmins(config.admins()), null);
        TelegramAdapter adapter = new TelegramAdapter(settings, core.commands(), core.deliveries());
        ChannelWiring.run(environment, core, adapter);
        if (settings.mode() == TelegramSettings.Mode.WEBHOOK) {
            environment.jersey().register(adapter.webhookResource());
        }
    }

    /** Telegram admins from PACE42_ADMINS, so their command menu shows the admin commands. */
    static List<Long> telegramAdmins(String admins) {
        List<Long> ids = new ArrayList<>();
        for (String entry : admins.split("[,\\s]+")) {
            if (entry.isBlank()) {
                continue;
            }
            PlatformIdentity id = PlatformIdentity.parse(entry);
            if (id.platform() == Platform.TELEGRAM && id.userId().matches("-?[0-9]{1,19}")) {
                ids.add(Long.parseLong(id.userId()));
            }
        }
        return ids;
    }
}
