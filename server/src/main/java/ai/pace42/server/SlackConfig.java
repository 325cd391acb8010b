package ai.pace42.server;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;

/**
 * The {@code slack:} section of pace42.yml. All blank leaves the Slack adapter off. Bot and app token: Socket
 * Mode; a signing secret: HTTP mode; client id and secret in addition: the OAuth install for many workspaces.
 */
public class SlackConfig {

    @JsonProperty
    private String botToken = "";

    @JsonProperty
    private String appToken = "";

    @JsonProperty
    private String signingSecret = "";

    @JsonProperty
    private String clientId = "";

    @JsonProperty
    private String clientSecret = "";

    @JsonProperty
    @NotBlank
    private String apiUrl = "https://slack.com/api/";

    public boolean enabled() {
        return !botToken().isEmpty() || !signingSecret().isEmpty();
    }

    public String botToken() {
        return strip(botToken);
    }

    public String appToken() {
        return strip(appToken);
    }

    public String signingSecret() {
        return strip(signingSecret);
    }

    public String clientId() {
        return strip(clientId);
    }

    public String clientSecret() {
        return strip(clientSecret);
    }

    public String apiUrl() {
        return apiUrl;
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
