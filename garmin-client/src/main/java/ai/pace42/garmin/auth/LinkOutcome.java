package ai.pace42.garmin.auth;

import ai.pace42.garmin.GarminProblem;

import java.net.URI;

/** What a link step produced, for the link page to act on. */
public sealed interface LinkOutcome {

    /** Tokens verified with one profile call and saved. */
    record Linked(GarminIdentity identity) implements LinkOutcome {
    }

    /** Send the runner's browser here (official OAuth2 PKCE). */
    record Redirect(URI authorizationUrl) implements LinkOutcome {
    }

    /** Ask for the code Garmin sent to {@code sentTo} (masked by Garmin), then send {@code SubmitMfa}. */
    record MfaRequired(String pendingId, String sentTo) implements LinkOutcome {
    }

    /** Refused, with a typed reason: wrong password, captcha, Cloudflare block, not configured… */
    record Refused(GarminProblem problem) implements LinkOutcome {
    }
}
