package ai.pace42.server;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** The {@code telegram:} section of pace42.yml. An empty token leaves the Telegram adapter off. */
public class TelegramConfig {

    @JsonProperty
    private String token = "";

    @JsonProperty
    @NotBlank
    private String apiUrl = "https://api.telegram.org";

    @JsonProperty
    @Pattern(regexp = "(?i)polling|webhook", message = "must be polling or webhook")
    private String mode = "polling";

    @JsonProperty
    private String webhookSecret = "";

    public boolean enabled() {
        return token != null && !token.isBlank();
    }

    public String token() {
        return token == null ? "" : token.strip();
    }

    public String apiUrl() {
        return apiUrl;
    }

    public boolean webhookMode() {
        return "webhook".equalsIgnoreCase(mode);
    }

    public String webhookSecret() {
        return webhookSecret == null ? "" : webhookSecret;
    }
}
