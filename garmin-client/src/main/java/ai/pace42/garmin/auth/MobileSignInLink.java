package ai.pace42.garmin.auth;

import ai.pace42.garmin.GarminProblem;
import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.Result;
import ai.pace42.garmin.api.GarminHttp;
import ai.pace42.garmin.normalise.Json;
import ai.pace42.garmin.normalise.PayloadReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * "Sign in with Garmin account": the mobile SSO JSON flow (sign-in page for cookies, JSON login, optional MFA),
 * then the DI token grant for the service ticket, then one profile call. The password is used for one request
 * and wiped; it is never stored, logged or put in a problem detail. Captcha and Cloudflare refusals come back as
 * {@code GARMIN_LOGIN_BLOCKED}; the flow never retries a login (retries re-arm Garmin's per-account throttle).
 */
public final class MobileSignInLink implements GarminAuth {

    static final String CLIENT_ID = "GCM_ANDROID_DARK";
    static final String SERVICE_URL = "https://mobile.integration.garmin.com/gcm/android";
    static final Duration MFA_TTL = Duration.ofMinutes(5);
    static final int MFA_ATTEMPTS = 3;
    private static final SecureRandom RANDOM = new SecureRandom();

    static final String KIND = "mfa-sign-in";

    private final GarminHttp http;
    private final TokenEndpoint endpoint;
    private final LinkVerifier verifier;
    private final FlowState pending;

    public MobileSignInLink(GarminHttp http, GarminTokenStore store) {
        this(http, store, new InMemoryFlowState(http.clock()));
    }

    /**
     * @param pending where a sign-in waits for its MFA code (its SSO cookies, MFA method and attempts left), so
     *                the code may be entered on any instance; no thread or connection is held meanwhile
     */
    public MobileSignInLink(GarminHttp http, GarminTokenStore store, FlowState pending) {
        this.pending = pending;
        this.http = http;
        this.endpoint = new TokenEndpoint(http, http.clock());
        this.verifier = new LinkVerifier(http, store, endpoint);
    }

    @Override
    public boolean handles(LinkStep step) {
        return step instanceof LinkStep.SignIn || step instanceof LinkStep.SubmitMfa;
    }

    @Override
    public LinkOutcome link(String accountId, LinkStep step) {
        if (step instanceof LinkStep.SignIn s) {
            try {
                return signIn(accountId, s.username(), s.password());
            } finally {
                Arrays.fill(s.password(), '\0');
            }
        }
        if (step instanceof LinkStep.SubmitMfa m) {
            return submitMfa(accountId, m);
        }
        return LinkVerifier.refused(GarminProblemCode.GARMIN_AUTH_FAILED, "unsupported step");
    }

    private LinkOutcome signIn(String accountId, String username, char[] password) {
        CookieManager cookies = new CookieManager();
        GarminHttp sso = http.forSignIn(cookies);
        Result<HttpResponse<String>> page = sso.send(browser(HttpRequest.newBuilder(
                URI.create(http.config().ssoUrl() + "/mobile/sso/en/sign-in?clientId=" + CLIENT_ID))).GET().build());
        if (!page.isOk()) {
            return new LinkOutcome.Refused(blockedIfRateLimited(page.problem()));
        }
        if (page.value().statusCode() == 429 || page.value().statusCode() == 403) {
            return blocked("sign-in page HTTP " + page.value().statusCode());
        }
        ObjectNode body = PayloadReader.mapper().createObjectNode();
        body.put("username", username);
        body.put("password", CharBuffer.wrap(password).toString());
        body.put("rememberMe", false);
        body.put("captchaToken", "");
        HttpRequest login = json(ssoApi("/mobile/api/login"), body);
        body.removeAll(); // the only String copy of the password goes out of reach with the request
        Result<HttpResponse<String>> sent = sso.send(login);
        if (!sent.isOk()) {
            return new LinkOutcome.Refused(blockedIfRateLimited(sent.problem()));
        }
        return afterLogin(accountId, cookies, sent.value());
    }

    private LinkOutcome afterLogin(String accountId, CookieManager cookies, HttpResponse<String> r) {
        if (r.statusCode() == 429 || r.statusCode() == 403 || looksLikeHtml(r.body())) {
            return blocked("login HTTP " + r.statusCode());
        }
        Result<JsonNode> json = PayloadReader.read(r.body());
        if (!json.isOk()) {
            return LinkVerifier.refused(r.statusCode() >= 500 ? GarminProblemCode.GARMIN_UNAVAILABLE
                    : GarminProblemCode.GARMIN_AUTH_FAILED, "login body unreadable, HTTP " + r.statusCode());
        }
        JsonNode j = json.value();
        if (Json.text(j, "error", "status-code").filter("429"::equals).isPresent()) {
            return blocked("429 in body");
        }
        String type = Json.text(j, "responseStatus", "type").orElse("").toUpperCase(Locale.ROOT);
        switch (type) {
            case "SUCCESSFUL" -> {
                return withTicket(accountId, j);
            }
            case "MFA_REQUIRED" -> {
                String method = Json.text(j, "customerMfaInfo", "mfaLastMethodUsed").orElse("email");
                String sentTo = Json.text(j, "customerMfaInfo", "email")
                        .or(() -> Json.text(j, "customerMfaInfo", "phoneNumber")).orElse("");
                String id = random();
                PendingMfa waiting = new PendingMfa(method, MFA_ATTEMPTS, PendingMfa.cookiesOf(cookies));
                if (!pending.put(KIND, id, new FlowState.Entry(accountId, waiting.toJson(),
                        http.clock().instant().plus(MFA_TTL)))) {
                    return LinkVerifier.refused(GarminProblemCode.GARMIN_UNAVAILABLE, "too many sign-ins pending");
                }
                return new LinkOutcome.MfaRequired(id, sentTo);
            }
            case "CAPTCHA_REQUIRED" -> {
                return blocked("captcha required");
            }
            case "INVALID_USERNAME_PASSWORD", "ACCOUNT_LOCKED", "INVALID_CREDENTIALS" -> {
                return LinkVerifier.refused(GarminProblemCode.GARMIN_AUTH_FAILED, "login " + type);
            }
            default -> {
                return LinkVerifier.refused(r.statusCode() >= 500 ? GarminProblemCode.GARMIN_UNAVAILABLE
                        : GarminProblemCode.GARMIN_AUTH_FAILED, "login status " + type + " HTTP " + r.statusCode());
            }
        }
    }

    private LinkOutcome submitMfa(String accountId, LinkStep.SubmitMfa m) {
        // Taken, not read: two instances given the same code at once cannot both try it.
        Optional<FlowState.Entry> entry = m.pendingId() == null ? Optional.empty() : pending.take(KIND, m.pendingId());
        if (entry.isEmpty() || !entry.get().accountId().equals(accountId)) {
            entry.ifPresent(e -> pending.put(KIND, m.pendingId(), e)); // someone else's: leave it as it was
            return LinkVerifier.refused(GarminProblemCode.GARMIN_AUTH_FAILED, "no pending sign-in");
        }
        PendingMfa p = PendingMfa.fromJson(entry.get().value());
        String code = m.code() == null ? "" : m.code().replaceAll("\\s", "");
        if (!code.matches("\\d{4,10}")) {
            pending.put(KIND, m.pendingId(), entry.get());
            return LinkVerifier.refused(GarminProblemCode.GARMIN_MFA_INVALID, "code not digits");
        }
        ObjectNode body = PayloadReader.mapper().createObjectNode();
        body.put("mfaMethod", p.method());
        body.put("mfaVerificationCode", code);
        body.put("rememberMyBrowser", false);
        body.putArray("reconsentList");
        body.put("mfaSetup", false);
        GarminHttp sso = http.forSignIn(p.cookieJar(http.config().ssoUrl()));
        Result<HttpResponse<String>> sent = sso.send(json(ssoApi("/mobile/api/mfa/verifyCode"), body));
        if (!sent.isOk()) {
            pending.put(KIND, m.pendingId(), entry.get()); // Garmin could not be asked: the code may be retried
            return new LinkOutcome.Refused(blockedIfRateLimited(sent.problem()));
        }
        HttpResponse<String> r = sent.value();
        Result<JsonNode> j = PayloadReader.read(r.body());
        boolean ok = j.isOk() && "SUCCESSFUL".equalsIgnoreCase(Json.text(j.value(), "responseStatus", "type").orElse(""));
        if (!ok) {
            if (r.statusCode() == 429 || r.statusCode() == 403 || looksLikeHtml(r.body())) {
                return blocked("mfa HTTP " + r.statusCode()); // the pending sign-in is gone: start again
            }
            if (p.attemptsLeft() > 1) {
                pending.put(KIND, m.pendingId(), new FlowState.Entry(accountId,
                        p.withAttemptsLeft(p.attemptsLeft() - 1).toJson(), entry.get().expires()));
            }
            return LinkVerifier.refused(GarminProblemCode.GARMIN_MFA_INVALID, "mfa not accepted");
        }
        return withTicket(accountId, j.value());
    }

    private LinkOutcome withTicket(String accountId, JsonNode j) {
        String ticket = Json.text(j, "serviceTicketId").orElse("");
        if (!ticket.startsWith("ST-")) {
            return LinkVerifier.refused(GarminProblemCode.GARMIN_AUTH_FAILED, "no service ticket");
        }
        Result<GarminTokens> tokens = endpoint.grantServiceTicket(ticket, SERVICE_URL);
        if (!tokens.isOk()) {
            return new LinkOutcome.Refused(tokens.problem());
        }
        return verifier.verifyAndSave(accountId, tokens.value());
    }

    private URI ssoApi(String path) {
        return URI.create(http.config().ssoUrl() + path + "?clientId=" + CLIENT_ID + "&locale=en-US&service="
                + URLEncoder.encode(SERVICE_URL, StandardCharsets.UTF_8));
    }

    private static HttpRequest json(URI uri, JsonNode body) {
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }

    private static HttpRequest.Builder browser(HttpRequest.Builder b) {
        return b.header("Accept", "text/html,application/xhtml+xml").header("Accept-Language", "en-US,en;q=0.9");
    }

    private static boolean looksLikeHtml(String body) {
        return body != null && body.stripLeading().startsWith("<");
    }

    private static LinkOutcome blocked(String detail) {
        return LinkVerifier.refused(GarminProblemCode.GARMIN_LOGIN_BLOCKED, detail);
    }

    /** On the SSO host a 429 is Cloudflare refusing automated sign-in, not a reason to wait and retry. */
    private static GarminProblem blockedIfRateLimited(GarminProblem p) {
        return p.code() == GarminProblemCode.GARMIN_RATE_LIMITED
                ? GarminProblem.of(GarminProblemCode.GARMIN_LOGIN_BLOCKED, p.detail()) : p;
    }

    private static String random() {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
