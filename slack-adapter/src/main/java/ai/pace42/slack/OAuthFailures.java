package ai.pace42.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.builtin.OAuthCallbackRequest;
import com.slack.api.bolt.response.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed installs: the installer sees Bolt's failure page with a reason; the log gets that reason only. Bolt's
 * own handlers log the whole callback payload, and that includes the OAuth code.
 */
final class OAuthFailures {

    private static final Logger LOG = LoggerFactory.getLogger(OAuthFailures.class);

    private OAuthFailures() {
    }

    static void install(App app) {
        AppConfig config = app.config();
        app.oauthCallbackStateError((request, response) -> fail(config, response, "invalid_state"));
        app.oauthCallbackError((request, response) -> fail(config, response, slackError(request)));
        app.oauthCallbackAccessError((OAuthCallbackRequest request, Response response,
                                      com.slack.api.methods.response.oauth.OAuthV2AccessResponse api) ->
                fail(config, response, api == null || api.getError() == null ? "oauth_access_failed" : api.getError()));
        app.oauthCallbackException((request, response, e) -> {
            LOG.error("slack install failed: {}", e.getClass().getSimpleName());
            return page(config, response, "internal_error");
        });
    }

    private static String slackError(OAuthCallbackRequest request) {
        String error = request.getPayload() == null ? null : request.getPayload().getError();
        return error == null ? "unknown_error" : error.replaceAll("[^a-z_]", "");
    }

    private static Response fail(AppConfig config, Response response, String reason) {
        LOG.warn("slack install refused: {}", reason);
        return page(config, response, reason);
    }

    private static Response page(AppConfig config, Response response, String reason) {
        response.setStatusCode(400);
        response.setContentType("text/html; charset=utf-8");
        response.setBody(config.getOAuthRedirectUriPageRenderer()
                .renderFailurePage(config.getOauthInstallRequestURI(), reason));
        return response;
    }
}
