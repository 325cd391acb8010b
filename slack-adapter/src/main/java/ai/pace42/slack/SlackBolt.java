package ai.pace42.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Slack client and the Bolt app from our settings, with nothing left for Bolt to fill from the environment. */
final class SlackBolt {

    private static final Logger LOG = LoggerFactory.getLogger(SlackBolt.class);

    private SlackBolt() {
    }

    /** Opens Socket Mode's WebSocket (it reconnects by itself); a half-opened client is closed, not leaked. */
    static SocketModeApp openSocket(SlackSettings settings, App app) throws Exception {
        SocketModeApp socket = new SocketModeApp(settings.appToken(), app, SocketModeClient.Backend.JavaWebSocket);
        try {
            socket.startAsync();
            return socket;
        } catch (Exception e) {
            closeQuietly(socket);
            throw e;
        }
    }

    static void closeQuietly(SocketModeApp socket) {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (Exception e) {
            LOG.warn("slack: closing Socket Mode failed: {}", e.toString());
        }
    }

    /** Releases Bolt, the HTTP connections and the Slack client; failures are only logged. */
    static void close(App app, Slack slack, OkHttpClient http) {
        try {
            app.stop();
        } catch (Exception e) {
            LOG.warn("slack: stopping Bolt failed: {}", e.toString());
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        try {
            slack.close();
        } catch (Exception e) {
            LOG.debug("slack: closing the client failed: {}", e.toString());
        }
    }

    static Slack client(SlackSettings settings) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiUrl().toString());
        config.setPrettyResponseLoggingEnabled(false);
        config.setFailOnUnknownProperties(false);
        return Slack.getInstance(config);
    }

    static App app(SlackSettings settings, Slack slack, SlackInstallations installations, SlackOAuthStates states) {
        App app = new App(appConfig(settings, slack));
        if (settings.oauth()) {
            app.asOAuthApp(true);
            app.service(installations);
            app.service(states);
            OAuthFailures.install(app);
        }
        return app;
    }

    /** Every setting explicitly: Bolt would otherwise fill blanks from SLACK_* environment variables. */
    private static AppConfig appConfig(SlackSettings s, Slack slack) {
        return AppConfig.builder()
                .slack(slack)
                .signingSecret(s.signingSecret())
                .singleTeamBotToken(s.oauth() ? null : s.botToken())
                .verificationToken(null)
                .clientId(s.clientId())
                .clientSecret(s.clientSecret())
                .redirectUri(s.oauth() ? s.redirectUri() : null)
                .scope(SlackSettings.BOT_SCOPES)
                .userScope(null)
                .appPath(null)
                .oauthStartPath(SlackSettings.INSTALL_PATH)
                .oauthInstallPath(SlackSettings.INSTALL_PATH)
                .oauthCallbackPath(SlackSettings.REDIRECT_PATH)
                .oauthRedirectUriPath(SlackSettings.REDIRECT_PATH)
                .oAuthInstallPageRenderingEnabled(false)
                .oauthCompletionUrl(null)
                .oauthCancellationUrl(null)
                .subtypedMessageEventsAutoAckEnabled(true)
                .build();
    }
}
