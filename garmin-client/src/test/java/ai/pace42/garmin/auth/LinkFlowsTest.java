package ai.pace42.garmin.auth;

import ai.pace42.garmin.Fixtures;
import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.GarminWireMock;
import ai.pace42.garmin.api.GarminHttp;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class LinkFlowsTest extends GarminWireMock {

    private static final String PROFILE = "/userprofile-service/socialProfile";
    private static final String TOKEN = "/di-oauth2-service/oauth/token";
    private static final String LOGIN = "/mobile/api/login";
    private static final String MFA = "/mobile/api/mfa/verifyCode";
    private static final String PROFILE_JSON = "{\"profileId\":" + Fixtures.OWNER
            + ",\"displayName\":\"3f2a-uuid\",\"fullName\":\"Ada Runner\"}";
    private static final String SUCCESS = "{\"serviceURL\":\"https://mobile.integration.garmin.com/gcm/android\","
            + "\"serviceTicketId\":\"ST-097904-abc-sso\",\"responseStatus\":{\"type\":\"SUCCESSFUL\",\"message\":\"\","
            + "\"httpStatus\":\"OK\"},\"responseReason\":null,\"customerMfaInfo\":null,\"authType\":\"CAS\"}";

    private GarminHttp http;
    private GarminLinking linking;
    private String access;

    @BeforeEach
    void setUp() {
        // A long per-request time-out: under CI load the first request to a cold WireMock can pass the test
        // config's 2 s, and the retry that follows would make "one profile call" fail for the wrong reason.
        http = new GarminHttp(config.withRequestTimeout(java.time.Duration.ofSeconds(30)));
        linking = GarminLinking.standard(http, store);
        access = jwt(Instant.now().plusSeconds(20 * 3600), "GARMIN_CONNECT_MOBILE_ANDROID_DI_2025Q2");
    }

    // --- token import -------------------------------------------------------------------------------------

    @Test
    void garth_oauth2_token_file_is_verified_with_one_profile_call_and_saved() {
        wm.stubFor(get(PROFILE).withHeader("Authorization", equalTo("Bearer garth-access"))
                .willReturn(okJson(PROFILE_JSON)));
        String garth = "{\"scope\":\"CONNECT_READ CONNECT_WRITE\",\"jti\":\"0b5c\",\"token_type\":\"Bearer\","
                + "\"access_token\":\"garth-access\",\"refresh_token\":\"garth-refresh\",\"expires_in\":107182,"
                + "\"expires_at\":" + (Instant.now().getEpochSecond() + 100000) + ",\"refresh_token_expires_in\":2591999,"
                + "\"refresh_token_expires_at\":" + (Instant.now().getEpochSecond() + 2591999) + "}";
        LinkOutcome out = linking.link("acc", new LinkStep.ImportTokens(garth));
        assertThat(out).isEqualTo(new LinkOutcome.Linked(new GarminIdentity(Fixtures.OWNER, "3f2a-uuid", "Ada Runner")));
        GarminLink saved = store.load("acc").orElseThrow();
        assertThat(saved.tokens().accessToken()).isEqualTo("garth-access");
        assertThat(saved.tokens().canRefresh()).as("garth tokens refresh via OAuth1, which we do not do").isFalse();
        wm.verify(1, getRequestedFor(urlPathEqualTo(PROFILE)));
    }

    @Test
    void di_tokens_in_garth_base64_dump_form_are_accepted_with_the_jwt_client_id() {
        wm.stubFor(get(PROFILE).willReturn(okJson(PROFILE_JSON)));
        String dump = "[{\"oauth_token\":\"o1\",\"oauth_token_secret\":\"s1\"},{\"access_token\":\"" + access
                + "\",\"refresh_token\":\"r1\",\"token_type\":\"bearer\"}]";
        String b64 = Base64.getEncoder().encodeToString(dump.getBytes(StandardCharsets.UTF_8));
        assertThat(linking.link("acc", new LinkStep.ImportTokens(b64))).isInstanceOf(LinkOutcome.Linked.class);
        GarminTokens t = store.load("acc").orElseThrow().tokens();
        assertThat(t.clientId()).isEqualTo("GARMIN_CONNECT_MOBILE_ANDROID_DI_2025Q2");
        assertThat(t.refreshToken()).isEqualTo("r1");
        assertThat(t.accessExpiresAt()).isPresent();
    }

    @Test
    void an_expired_imported_token_is_refreshed_during_verification_and_the_rotated_token_kept() {
        String expired = jwt(Instant.now().minusSeconds(60), "DI_X");
        wm.stubFor(post(TOKEN).withRequestBody(containing("refresh_token=r1")).willReturn(okJson(
                "{\"access_token\":\"" + access + "\",\"refresh_token\":\"r2\",\"expires_in\":3600}")));
        wm.stubFor(get(PROFILE).withHeader("Authorization", equalTo("Bearer " + access)).willReturn(okJson(PROFILE_JSON)));
        String file = "{\"di_token\":\"" + expired + "\",\"di_refresh_token\":\"r1\",\"di_client_id\":\"DI_X\"}";
        assertThat(linking.link("acc", new LinkStep.ImportTokens(file))).isInstanceOf(LinkOutcome.Linked.class);
        assertThat(store.load("acc").orElseThrow().tokens().refreshToken()).isEqualTo("r2");
    }

    @Test
    void tokens_garmin_rejects_are_refused_and_nothing_is_saved() {
        wm.stubFor(get(PROFILE).willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate",
                "Bearer error=\"invalid_token\", error_description=\"Token is not active\"")));
        wm.stubFor(post(TOKEN).willReturn(aResponse().withStatus(400).withBody("{\"error\":\"invalid_grant\"}")));
        LinkOutcome out = linking.link("acc", new LinkStep.ImportTokens("{\"access_token\":\"x\",\"refresh_token\":\"y\"}"));
        assertThat(((LinkOutcome.Refused) out).problem().code()).isIn(GarminProblemCode.GARMIN_AUTH_FAILED,
                GarminProblemCode.GARMIN_RELINK_REQUIRED);
        assertThat(store.load("acc")).isEmpty();
    }

    @Test
    void junk_is_refused_without_calling_garmin() {
        for (String junk : new String[]{"", "hello", "{\"foo\":1}", "%%%", "[1,2]"}) {
            LinkOutcome out = linking.link("acc", new LinkStep.ImportTokens(junk));
            assertThat(((LinkOutcome.Refused) out).problem().code()).as(junk).isEqualTo(GarminProblemCode.GARMIN_AUTH_FAILED);
        }
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    // --- official OAuth2 PKCE ------------------------------------------------------------------------------

    @Test
    void pkce_round_trip_links_with_a_verifier_matching_the_challenge() {
        LinkOutcome start = linking.link("acc", new LinkStep.StartOAuth("https://pace42.example/garmin/callback"));
        URI url = ((LinkOutcome.Redirect) start).authorizationUrl();
        Map<String, String> q = query(url);
        assertThat(url.getPath()).isEqualTo("/oauth2Confirm");
        assertThat(q).containsEntry("response_type", "code").containsEntry("client_id", "pace42-test")
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("redirect_uri", "https://pace42.example/garmin/callback");
        wm.stubFor(post(TOKEN).withRequestBody(containing("grant_type=authorization_code"))
                .withRequestBody(containing("code=the-code")).willReturn(okJson(
                        "{\"access_token\":\"partner-access\",\"refresh_token\":\"pr1\",\"expires_in\":86400,"
                                + "\"token_type\":\"bearer\"}")));
        wm.stubFor(get("/partner-gateway/rest/user/id").withHeader("Authorization", equalTo("Bearer partner-access"))
                .willReturn(okJson("{\"userId\":\"d3315b1072421d0dd7c8f6b8e1de4df8\"}")));

        LinkOutcome done = linking.link("acc", new LinkStep.OAuthCallback(q.get("state"), "the-code"));

        assertThat(done).isEqualTo(new LinkOutcome.Linked(GarminIdentity.partner("d3315b1072421d0dd7c8f6b8e1de4df8")));
        LoggedRequest exchange = wm.findAll(postRequestedFor(urlPathEqualTo(TOKEN))).get(0);
        String verifier = form(exchange.getBodyAsString()).get("code_verifier");
        assertThat(OfficialOAuthLink.challenge(verifier)).isEqualTo(q.get("code_challenge"));
        assertThat(store.load("acc").orElseThrow().tokens().kind()).isEqualTo(GarminTokens.Kind.PARTNER);
        // The state is single-use.
        LinkOutcome replay = linking.link("acc", new LinkStep.OAuthCallback(q.get("state"), "the-code"));
        assertThat(((LinkOutcome.Refused) replay).problem().code()).isEqualTo(GarminProblemCode.GARMIN_AUTH_FAILED);
    }

    @Test
    void pkce_state_from_another_account_or_unknown_is_refused() {
        URI url = ((LinkOutcome.Redirect) linking.link("acc", new LinkStep.StartOAuth("https://x/cb"))).authorizationUrl();
        String state = query(url).get("state");
        assertThat(linking.link("mallory", new LinkStep.OAuthCallback(state, "c"))).isInstanceOf(LinkOutcome.Refused.class);
        assertThat(linking.link("acc", new LinkStep.OAuthCallback("made-up", "c"))).isInstanceOf(LinkOutcome.Refused.class);
        wm.verify(0, postRequestedFor(urlPathEqualTo(TOKEN)));
    }

    @Test
    void pkce_without_partner_credentials_is_not_configured() {
        var noPartner = new ai.pace42.garmin.GarminConfig(config.connectApiUrl(), config.ssoUrl(), config.diauthUrl(),
                config.apisUrl(), config.connectUrl(), java.util.Optional.empty(), java.util.Optional.empty(), "DI",
                100, 1, config.backoffBase(), config.requestTimeout(), config.maxRateLimitWait(), config.freshness());
        LinkOutcome out = GarminLinking.standard(new GarminHttp(noPartner), store)
                .link("acc", new LinkStep.StartOAuth("https://x/cb"));
        assertThat(((LinkOutcome.Refused) out).problem().code()).isEqualTo(GarminProblemCode.GARMIN_NOT_CONFIGURED);
    }

    // --- mobile sign-in -------------------------------------------------------------------------------------

    private void stubSignInPage() {
        wm.stubFor(get(urlPathEqualTo("/mobile/sso/en/sign-in")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withHeader("Set-Cookie", "SESSION=abc123; Path=/")
                .withBody("<html><title>Garmin SSO Portal</title></html>")));
    }

    private void stubGrantAndProfile() {
        wm.stubFor(post(TOKEN).withRequestBody(containing("service_ticket=ST-097904-abc-sso")).willReturn(okJson(
                "{\"access_token\":\"" + access + "\",\"refresh_token\":\"r1\",\"expires_in\":75017,"
                        + "\"refresh_token_expires_in\":2591999,\"token_type\":\"bearer\",\"scope\":\"CONNECT_READ\"}")));
        wm.stubFor(get(PROFILE).withHeader("Authorization", equalTo("Bearer " + access)).willReturn(okJson(PROFILE_JSON)));
    }

    @Test
    void sign_in_without_mfa_links_and_wipes_the_password() {
        stubSignInPage();
        wm.stubFor(post(urlPathEqualTo(LOGIN)).withRequestBody(matchingJsonPath("$.username", equalTo("ada@example.com")))
                .willReturn(okJson(SUCCESS)));
        stubGrantAndProfile();
        char[] password = "correct horse".toCharArray();
        LinkOutcome out = linking.link("acc", new LinkStep.SignIn("ada@example.com", password));
        assertThat(out).isInstanceOf(LinkOutcome.Linked.class);
        assertThat(password).containsOnly('\0');
        assertThat(store.load("acc").orElseThrow().toString()).doesNotContain("correct horse").doesNotContain(access);
        wm.verify(postRequestedFor(urlPathEqualTo(LOGIN)).withHeader("Cookie", containing("SESSION=abc123"))
                .withQueryParam("clientId", equalTo("GCM_ANDROID_DARK")));
        wm.verify(postRequestedFor(urlPathEqualTo(TOKEN)).withRequestBody(containing(
                "grant_type=https%3A%2F%2Fconnectapi.garmin.com%2Fdi-oauth2-service%2Foauth%2Fgrant%2Fservice_ticket")));
    }

    @Test
    void sign_in_with_mfa_asks_for_the_code_then_links() {
        stubSignInPage();
        wm.stubFor(post(urlPathEqualTo(LOGIN)).willReturn(okJson("{\"serviceURL\":null,\"serviceTicketId\":null,"
                + "\"responseStatus\":{\"type\":\"MFA_REQUIRED\",\"message\":\"\",\"httpStatus\":\"OK\"},"
                + "\"customerMfaInfo\":{\"email\":\"a***@example.com\",\"phoneNumber\":null,\"mfaLastMethodUsed\":\"email\"},"
                + "\"consentTypeList\":[],\"captchaAlreadyPassed\":false,\"authType\":null}")));
        wm.stubFor(post(urlPathEqualTo(MFA)).withRequestBody(matchingJsonPath("$.mfaVerificationCode", equalTo("111111")))
                .willReturn(okJson("{\"responseStatus\":{\"type\":\"INVALID_MFA_CODE\"}}")));
        wm.stubFor(post(urlPathEqualTo(MFA)).withRequestBody(matchingJsonPath("$.mfaVerificationCode", equalTo("228798")))
                .willReturn(okJson(SUCCESS)));
        stubGrantAndProfile();

        LinkOutcome first = linking.link("acc", new LinkStep.SignIn("ada@example.com", "pw".toCharArray()));
        LinkOutcome.MfaRequired mfa = (LinkOutcome.MfaRequired) first;
        assertThat(mfa.sentTo()).isEqualTo("a***@example.com");
        assertThat(store.load("acc")).isEmpty();

        LinkOutcome wrong = linking.link("acc", new LinkStep.SubmitMfa(mfa.pendingId(), "111111"));
        assertThat(((LinkOutcome.Refused) wrong).problem().code()).isEqualTo(GarminProblemCode.GARMIN_MFA_INVALID);
        LinkOutcome foreign = linking.link("mallory", new LinkStep.SubmitMfa(mfa.pendingId(), "228798"));
        assertThat(foreign).isInstanceOf(LinkOutcome.Refused.class);

        LinkOutcome done = linking.link("acc", new LinkStep.SubmitMfa(mfa.pendingId(), "228 798"));
        assertThat(done).isInstanceOf(LinkOutcome.Linked.class);
        wm.verify(postRequestedFor(urlPathEqualTo(MFA)).withHeader("Cookie", containing("SESSION=abc123"))
                .withRequestBody(matchingJsonPath("$.mfaMethod", equalTo("email"))));
        assertThat(linking.link("acc", new LinkStep.SubmitMfa(mfa.pendingId(), "228798")))
                .as("a finished sign-in cannot be replayed").isInstanceOf(LinkOutcome.Refused.class);
    }

    @Test
    void wrong_password_is_auth_failed_and_never_retried() {
        stubSignInPage();
        wm.stubFor(post(urlPathEqualTo(LOGIN)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"serviceURL\":null,\"serviceTicketId\":null,"
                        + "\"responseStatus\":{\"type\":\"INVALID_USERNAME_PASSWORD\",\"message\":"
                        + "\"generalLoginInvalidUsernameOrPassword\",\"httpStatus\":\"UNAUTHORIZED\"}}")));
        LinkOutcome out = linking.link("acc", new LinkStep.SignIn("ada@example.com", "nope".toCharArray()));
        assertThat(((LinkOutcome.Refused) out).problem().code()).isEqualTo(GarminProblemCode.GARMIN_AUTH_FAILED);
        assertThat(((LinkOutcome.Refused) out).problem().detail()).doesNotContain("nope");
        wm.verify(1, postRequestedFor(urlPathEqualTo(LOGIN)));
    }

    @Test
    void captcha_cloudflare_and_hidden_429_are_typed_login_blocks() {
        String[][] cases = {
            {"200", "application/json", "{\"responseStatus\":{\"type\":\"CAPTCHA_REQUIRED\"}}"},
            {"429", "text/html", "<!DOCTYPE html><html><head><title>Access denied | sso.garmin.com used Cloudflare to "
                    + "restrict access</title></head><body>Error 1015</body></html>"},
            {"403", "text/html", "<html><title>Just a moment...</title>This website is using a security service</html>"},
            {"200", "application/json", "{\"error\":{\"status-code\":\"429\"}}"},
        };
        for (String[] c : cases) {
            wm.resetAll();
            stubSignInPage();
            wm.stubFor(post(urlPathEqualTo(LOGIN)).willReturn(aResponse().withStatus(Integer.parseInt(c[0]))
                    .withHeader("Content-Type", c[1]).withBody(c[2])));
            LinkOutcome out = linking.link("acc", new LinkStep.SignIn("ada@example.com", "pw".toCharArray()));
            assertThat(((LinkOutcome.Refused) out).problem().code()).as(c[2])
                    .isEqualTo(GarminProblemCode.GARMIN_LOGIN_BLOCKED);
            wm.verify(1, postRequestedFor(urlPathEqualTo(LOGIN)));
        }
        // An SSO 429 must not pause API traffic for linked accounts.
        link("other", "token-o", "r", Instant.now().plusSeconds(3600));
        wm.stubFor(get(PROFILE).willReturn(okJson(PROFILE_JSON)));
        assertThat(client(http, "other").socialProfile().isOk()).isTrue();
        assertThat(GarminProblemCode.GARMIN_LOGIN_BLOCKED.friendly()).contains("import");
    }

    @Test
    void sign_in_step_records_never_print_secrets() {
        char[] pw = "s3cret".toCharArray();
        assertThat(new LinkStep.SignIn("ada@example.com", pw).toString()).doesNotContain("s3cret").doesNotContain("ada@");
        assertThat(new LinkStep.ImportTokens("{\"access_token\":\"tok\"}").toString()).doesNotContain("tok");
        assertThat(tokens("acc-tok", "ref-tok", Instant.now()).toString()).doesNotContain("acc-tok").doesNotContain("ref-tok");
        Arrays.fill(pw, '\0');
    }

    private static Map<String, String> query(URI u) {
        return form(u.getRawQuery());
    }

    private static Map<String, String> form(String s) {
        Map<String, String> m = new HashMap<>();
        for (String kv : s.split("&")) {
            String[] p = kv.split("=", 2);
            m.put(URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                    p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "");
        }
        return m;
    }
}
