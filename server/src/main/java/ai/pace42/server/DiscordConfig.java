package ai.pace42.server;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * The {@code discord:} section of pace42.yml. A bot token turns on the gateway (DMs and slash commands); a public
 * key turns on {@code POST /discord/interactions}. With neither, Discord stays off.
 */
public class DiscordConfig {

    @JsonProperty
    private String token = "";

    @JsonProperty
    @Pattern(regexp = "|[0-9a-fA-F]{64}", message = "must be the 64 hex characters of the application's public key")
    private String publicKey = "";

    @JsonProperty
    @NotBlank
    private String apiUrl = "https://discord.com/api/v10/";

    @JsonProperty
    @Pattern(regexp = "|[0-9]{1,20}", message = "must be a numeric server id")
    private String opsGuildId = "";

    public boolean enabled() {
        return !token().isEmpty() || !publicKey().isEmpty();
    }

    public String token() {
        return token == null ? "" : token.strip();
    }

    public String publicKey() {
        return publicKey == null ? "" : publicKey.strip();
    }

    public String apiUrl() {
        return apiUrl;
    }

    public String opsGuildId() {
        return opsGuildId == null ? "" : opsGuildId.strip();
    }
}
