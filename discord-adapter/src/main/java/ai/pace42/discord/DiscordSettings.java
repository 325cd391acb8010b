package ai.pace42.discord;

import java.net.URI;

/**
 * Everything the adapter needs from configuration.
 *
 * @param botToken   enables the gateway (DMs, slash commands over the WebSocket); empty for commands-only webhook
 *                   mode
 * @param publicKey  the application's Ed25519 public key (64 hex characters); enables {@code POST /discord/interactions}
 * @param apiBaseUrl Discord's REST base, e.g. {@code https://discord.com/api/v10/}; tests point it at WireMock
 * @param opsGuildId the operations server where {@code /admin} is registered; empty registers it nowhere
 */
public record DiscordSettings(String botToken, String publicKey, URI apiBaseUrl, String opsGuildId) {

    public static final URI PUBLIC_API = URI.create("https://discord.com/api/v10/");

    public DiscordSettings {
        botToken = botToken == null ? "" : botToken.strip();
        publicKey = publicKey == null ? "" : publicKey.strip();
        apiBaseUrl = withSlash(apiBaseUrl == null ? PUBLIC_API : apiBaseUrl);
        opsGuildId = opsGuildId == null ? "" : opsGuildId.strip();
        if (botToken.isEmpty() && publicKey.isEmpty()) {
            throw new IllegalArgumentException("Discord needs DISCORD_BOT_TOKEN or DISCORD_PUBLIC_KEY");
        }
        if (!publicKey.isEmpty() && !publicKey.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("DISCORD_PUBLIC_KEY must be 64 hex characters");
        }
        if (!opsGuildId.isEmpty() && !opsGuildId.matches("[0-9]{1,20}")) {
            throw new IllegalArgumentException("DISCORD_OPS_GUILD_ID must be a numeric server id");
        }
    }

    public boolean gateway() {
        return !botToken.isEmpty();
    }

    public boolean interactionsEndpoint() {
        return !publicKey.isEmpty();
    }

    private static URI withSlash(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? uri : URI.create(s + "/");
    }

    /** Never print the token. */
    @Override
    public String toString() {
        return "DiscordSettings[apiBaseUrl=" + apiBaseUrl + ", gateway=" + gateway() + ", interactionsEndpoint="
                + interactionsEndpoint() + ", opsGuildId=" + opsGuildId + "]";
    }
}
