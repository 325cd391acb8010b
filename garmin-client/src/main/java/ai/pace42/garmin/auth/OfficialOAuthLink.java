package ai.pace42.garmin.auth;

import ai.pace42.garmin.GarminConfig;
import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.Result;
import ai.pace42.garmin.api.GarminHttp;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * The official Garmin Connect Developer Program link: OAuth 2.0 authorisation code with PKCE (RFC 7636, S256).
 * {@code state} is single-use, bound to the pace42 account that started, and expires after 10 minutes.
 * Enabled only when the operator configures partner credentials.
 */
public final class OfficialOAuthLink implements GarminAuth {

    static final Duration STATE_TTL = Duration.ofMinutes(10);
    static final String KIND = "oauth-state";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final GarminConfig config;
    private final TokenEndpoint endpoint;
    private final LinkVerifier verifier;
    private final Clock clock;
    private final FlowState pending;

    public OfficialOAuthLink(GarminHttp http, GarminTokenStore store) {
        this(http, store, new InMemoryFlowState(http.clock()));
    }

    /** @param pending where {@code state} waits for Garmin's callback, which may reach another instance */
    public OfficialOAuthLink(GarminHttp http, GarminTokenStore store, FlowState pending) {
        this.pending = pending;
        this.config = http.config();
        this.clock = http.clock();
        this.endpoint = new TokenEndpoint(http, clock);
        this.verifier = new LinkVerifier(http, store, endpoint);
    }

    public boolean enabled() {
        return config.partnerClientId().isPresent();
    }

    @Override
    public boolean handles(LinkStep step) {
        return step instanceof LinkStep.StartOAuth || step instanceof LinkStep.OAuthCallback;
    }

    @Override
    public LinkOutcome link(String accountId, LinkStep step) {
        if (!enabled()) {
            return LinkVerifier.refused(GarminProblemCode.GARMIN_NOT_CONFIGURED, "no partner credentials");
        }
        if (step instanceof LinkStep.StartOAuth s) {
            return start(accountId, s.redirectUri());
        }
        if (step instanceof LinkStep.OAuthCallback cb) {
            return callback(accountId, cb);
        }
        return LinkVerifier.refused(GarminProblemCode.GARMIN_AUTH_FAILED, "unsupported step");
    }

    private LinkOutcome start(String accountId, String redirectUri) {
        String verifierValue = random(48);
        String state = random(24);
        // The verifier is URL-safe base64 and contains no space: "verifier redirectUri" splits unambiguously.
        if (!pending.put(KIND, state, new FlowState.Entry(accountId, verifierValue + " " + redirectUri,
                clock.instant().plus(STATE_TTL)))) {
            return LinkVerifier.refused(GarminProblemCode.GARMIN_UNAVAILABLE, "too many OAuth starts pending");
        }
        String url = config.connectUrl() + "/oauth2Confirm?response_type=code"
                + "&client_id=" + enc(config.partnerClientId().orElseThrow())
                + "&redirect_uri=" + enc(redirectUri)
                + "&state=" + enc(state)
                + "&code_challenge=" + challenge(verifierValue)
                + "&code_challenge_method=S256";
        return new LinkOutcome.Redirect(URI.create(url));
    }

    private LinkOutcome callback(String accountId, LinkStep.OAuthCallback cb) {
        // Single use, even when it fails; expired entries are never returned.
        FlowState.Entry p = cb.state() == null ? null : pending.take(KIND, cb.state()).orElse(null);
        if (p == null || !p.accountId().equals(accountId)) {
            return LinkVerifier.refused(GarminProblemCode.GARMIN_AUTH_FAILED, "unknown, expired or foreign state");
        }
        String verifierValue = p.value().substring(0, p.value().indexOf(' '));
        String redirectUri = p.value().substring(p.value().indexOf(' ') + 1);
        if (cb.code() == null || cb.code().isBlank()) {
            return LinkVerifier.refused(GarminProblemCode.GARMIN_AUTH_FAILED, "no code (runner declined?)");
        }
        Result<GarminTokens> tokens = endpoint.exchangeCode(cb.code(), verifierValue, redirectUri);
        if (!tokens.isOk()) {
            return new LinkOutcome.Refused(tokens.problem());
        }
        return verifier.verifyAndSave(accountId, tokens.value());
    }

    static String challenge(String verifier) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
