package ai.pace42.garmin.auth;

import java.util.Objects;

/** What the link page sends; each {@link GarminAuth} flow handles its own steps. */
public sealed interface LinkStep {

    /** Token import: JSON from garth or python-garminconnect, pasted or uploaded (optionally base64). */
    record ImportTokens(String tokens) implements LinkStep {
        @Override
        public String toString() {
            return "ImportTokens[***]";
        }
    }

    /** Official OAuth2 PKCE: where Garmin should send the runner back. */
    record StartOAuth(String redirectUri) implements LinkStep {
    }

    /** The OAuth2 callback's query parameters. */
    record OAuthCallback(String state, String code) implements LinkStep {
        @Override
        public String toString() {
            return "OAuthCallback[state=" + state + ", code=***]";
        }
    }

    /**
     * Sign in with a Garmin account. The password array is wiped after use; it is never stored or logged.
     */
    record SignIn(String username, char[] password) implements LinkStep {
        public SignIn {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "SignIn[username=***, password=***]";
        }
    }

    /** The code Garmin e-mailed or texted, for a sign-in that answered {@code MfaRequired}. */
    record SubmitMfa(String pendingId, String code) implements LinkStep {
        @Override
        public String toString() {
            return "SubmitMfa[pendingId=" + pendingId + ", code=***]";
        }
    }
}
