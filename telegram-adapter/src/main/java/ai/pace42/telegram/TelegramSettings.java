package ai.pace42.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * Everything the adapter needs from configuration.
 *
 * @param apiBaseUrl     the Bot API base URL, e.g. {@code https://api.telegram.org}; tests point it at WireMock
 * @param webhookUrl     the public URL Telegram posts updates to (webhook mode only)
 * @param webhookSecret  echoed by Telegram in {@code X-Telegram-Bot-Api-Secret-Token} (webhook mode only)
 * @param adminUserIds   Telegram users who see the admin commands in their menu (visibility, not authorisation)
 */
public record TelegramSettings(String token, URI apiBaseUrl, Mode mode, URI webhookUrl, String webhookSecret,
                               List<Long> adminUserIds, SendLimits limits) {

    public static final URI PUBLIC_API = URI.create("https://api.telegram.org");

    /** How updates arrive. */
    public enum Mode { POLLING, WEBHOOK }

    public TelegramSettings {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("a Telegram bot token is required");
        }
        apiBaseUrl = apiBaseUrl == null ? PUBLIC_API : apiBaseUrl;
        Objects.requireNonNull(mode, "mode");
        adminUserIds = adminUserIds == null ? List.of() : List.copyOf(adminUserIds);
        limits = limits == null ? SendLimits.TELEGRAM : limits;
        if (mode == Mode.WEBHOOK) {
            Objects.requireNonNull(webhookUrl, "webhookUrl");
            if (webhookSecret == null || !webhookSecret.matches("[A-Za-z0-9_-]{1,256}")) {
                throw new IllegalArgumentException(
                        "TELEGRAM_WEBHOOK_SECRET must be 1-256 characters of A-Z a-z 0-9 _ - in webhook mode");
            }
        }
    }

    public static TelegramSettings polling(String token, URI apiBaseUrl) {
        return new TelegramSettings(token, apiBaseUrl, Mode.POLLING, null, null, List.of(), null);
    }

    public TelegramSettings withLimits(SendLimits newLimits) {
        return new TelegramSettings(token, apiBaseUrl, mode, webhookUrl, webhookSecret, adminUserIds, newLimits);
    }

    /** The library's URL type; an explicit port keeps WireMock's random port. */
    TelegramUrl telegramUrl() {
        String scheme = apiBaseUrl.getScheme() == null ? "https" : apiBaseUrl.getScheme();
        int port = apiBaseUrl.getPort() > 0 ? apiBaseUrl.getPort() : ("http".equals(scheme) ? 80 : 443);
        return new TelegramUrl(scheme, apiBaseUrl.getHost(), port, false);
    }

    /** Never print the token. */
    @Override
    public String toString() {
        return "TelegramSettings[apiBaseUrl=" + apiBaseUrl + ", mode=" + mode + ", webhookUrl=" + webhookUrl + "]";
    }

    /**
     * Send pacing. Telegram allows about one message per second per chat (short bursts are tolerated) and about
     * thirty per second overall.
     */
    public record SendLimits(double perChatPerSecond, int perChatBurst, double globalPerSecond,
                             Duration retryBase, int maxAttempts) {

        public static final SendLimits TELEGRAM = new SendLimits(1.0, 3, 30.0, Duration.ofMillis(500), 5);

        public SendLimits {
            if (perChatPerSecond <= 0 || perChatBurst < 1 || globalPerSecond <= 0 || maxAttempts < 1) {
                throw new IllegalArgumentException("invalid send limits");
            }
            Objects.requireNonNull(retryBase, "retryBase");
        }
    }
}
