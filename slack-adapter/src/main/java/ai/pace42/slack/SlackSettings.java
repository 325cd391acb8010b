package ai.pace42.slack;

import java.net.URI;

/**
 * Everything the adapter needs from configuration.
 *
 * <ul>
 *   <li>Socket Mode: {@code botToken} ({@code xoxb-}) and {@code appToken} ({@code xapp-}); one workspace.</li>
 *   <li>HTTP mode: {@code signingSecret}; with {@code clientId} and {@code clientSecret} also the OAuth install
 *       for many workspaces (tokens from the installation store), otherwise {@code botToken} for one.</li>
 * </ul>
 *
 * @param apiUrl    the Web API base URL, e.g. {@code https://slack.com/api/}; tests point it at WireMock
 * @param publicUrl the server's public base URL, for the OAuth redirect URI
 */
public record SlackSettings(String botToken, String appToken, String signingSecret, String clientId,
                            String clientSecret, URI apiUrl, URI publicUrl) {

    public static final URI PUBLIC_API = URI.create("https://slack.com/api/");
    static final String COACH_COMMAND = "/coach";
    static final String ADMIN_COMMAND = "/coach-admin";
    public static final String INSTALL_PATH = "/slack/install";
    public static final String REDIRECT_PATH = "/slack/oauth_redirect";
    /** What the app asks for when installed (see the manifest in RUNBOOK.md). */
    public static final String BOT_SCOPES = "app_mentions:read,chat:write,commands,files:read,files:write,"
            + "im:history,im:read,im:write,users:read";

    /** How events arrive. */
    public enum Mode { SOCKET, HTTP }

    public SlackSettings {
        botToken = blankToNull(botToken);
        appToken = blankToNull(appToken);
        signingSecret = blankToNull(signingSecret);
        clientId = blankToNull(clientId);
        clientSecret = blankToNull(clientSecret);
        apiUrl = apiUrl == null ? PUBLIC_API : withSlash(apiUrl);
        if (signingSecret == null && (botToken == null || appToken == null)) {
            throw new IllegalArgumentException("Slack needs SLACK_BOT_TOKEN and SLACK_APP_TOKEN (Socket Mode) "
                    + "or SLACK_SIGNING_SECRET (HTTP mode)");
        }
        if ((clientId == null) != (clientSecret == null)) {
            throw new IllegalArgumentException("SLACK_CLIENT_ID and SLACK_CLIENT_SECRET go together");
        }
        if (signingSecret != null && clientId == null && botToken == null) {
            throw new IllegalArgumentException("HTTP mode needs SLACK_BOT_TOKEN (one workspace) or "
                    + "SLACK_CLIENT_ID and SLACK_CLIENT_SECRET (OAuth install)");
        }
        if (clientId != null && signingSecret == null) {
            throw new IllegalArgumentException("the OAuth install runs in HTTP mode: set SLACK_SIGNING_SECRET too");
        }
    }

    /** HTTP mode when a signing secret is set: Slack then posts to our server. */
    public Mode mode() {
        return signingSecret != null ? Mode.HTTP : Mode.SOCKET;
    }

    /** Many workspaces, each with its own token from the OAuth install. */
    public boolean oauth() {
        return clientId != null;
    }

    public String redirectUri() {
        return publicUrl == null ? null : publicUrl + REDIRECT_PATH;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static URI withSlash(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? uri : URI.create(s + "/");
    }

    /** Never print tokens or secrets. */
    @Override
    public String toString() {
        return "SlackSettings[mode=" + mode() + ", oauth=" + oauth() + ", apiUrl=" + apiUrl + "]";
    }
}
