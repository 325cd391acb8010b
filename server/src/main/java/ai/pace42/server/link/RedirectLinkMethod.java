package ai.pace42.server.link;

import ai.pace42.bot.linking.PendingLink;
import java.util.Map;

/**
 * A link method that sends the runner to Garmin's own site and back (the official OAuth flow). The page offers it
 * as a plain link to {@code /link/<id>/start}, because a form that redirects to another site is blocked by our
 * {@code form-action 'self'} policy. Garmin returns to {@code /link/<id>/callback}; what Garmin approved is then
 * shown for confirmation, and only that confirmation (a POST with the CSRF token) uses the one-time link up.
 */
public interface RedirectLinkMethod extends LinkMethod {

    /** The callback path Garmin must send the runner back to, relative to the public URL. */
    static String callbackPath(String methodId) {
        return "/link/" + methodId + "/callback";
    }

    /** The label of the link that starts the flow. */
    String startLabel();

    /** Where to send the browser: {@link Outcome.Redirect}, or {@link Outcome.Failed} when it cannot start. */
    Outcome start(PendingLink link);

    /**
     * Garmin's answer, from the callback's query parameters: {@link Outcome.NeedsMore} asking the runner to
     * confirm, or {@link Outcome.Failed}. Never uses the link up.
     */
    Outcome callback(PendingLink link, Map<String, String> query);
}
