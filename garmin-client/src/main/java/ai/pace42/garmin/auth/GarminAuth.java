package ai.pace42.garmin.auth;

/**
 * One way to link a pace42 account to Garmin: official OAuth2 PKCE ({@link OfficialOAuthLink}), mobile sign-in with
 * MFA ({@link MobileSignInLink}) or token import ({@link TokenImportLink}). {@link GarminLinking} routes each step
 * to the flow that handles it. Implementations never throw and never log secrets.
 */
public interface GarminAuth {

    /** Whether this flow handles {@code step}. */
    boolean handles(LinkStep step);

    LinkOutcome link(String accountId, LinkStep step);
}
