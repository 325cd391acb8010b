package ai.pace42.garmin.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.garmin.Fixtures;
import ai.pace42.garmin.GarminWireMock;
import ai.pace42.garmin.api.GarminHttp;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two server instances (two flow sets with their own HTTP clients) sharing only the flow state, which holds
 * nothing but strings: a flow started on one is finished on the other.
 */
class FlowsAcrossInstancesTest extends GarminWireMock {

    private final InMemoryFlowState shared = new InMemoryFlowState(Clock.systemUTC());

    private GarminLinking instance() {
        return GarminLinking.standard(new GarminHttp(config), store, shared);
    }

    @Test
    void anMfaSignInStartedOnOneInstanceIsFinishedOnAnotherWithTheSameSsoSession() {
        String access = jwt(Instant.now().plusSeconds(20 * 3600), "GARMIN_CONNECT_MOBILE_ANDROID_DI_2025Q2");
        wm.stubFor(get(urlPathEqualTo("/mobile/sso/en/sign-in")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withHeader("Set-Cookie", "SESSION=abc123; Path=/")
                .withBody("<html><title>Garmin SSO Portal</title></html>")));
        wm.stubFor(post(urlPathEqualTo("/mobile/api/login")).willReturn(okJson("{\"serviceTicketId\":null,"
                + "\"responseStatus\":{\"type\":\"MFA_REQUIRED\"},\"customerMfaInfo\":{\"email\":\"a***@example.com\","
                + "\"mfaLastMethodUsed\":\"sms\"}}")));
        wm.stubFor(post(urlPathEqualTo("/mobile/api/mfa/verifyCode")).withHeader("Cookie", containing("SESSION=abc123"))
                .willReturn(okJson("{\"serviceTicketId\":\"ST-1-abc-sso\",\"responseStatus\":{\"type\":\"SUCCESSFUL\"}}")));
        wm.stubFor(post("/di-oauth2-service/oauth/token").withRequestBody(containing("service_ticket=ST-1-abc-sso"))
                .willReturn(okJson("{\"access_token\":\"" + access + "\",\"refresh_token\":\"r1\",\"expires_in\":75017,"
                        + "\"token_type\":\"bearer\"}")));
        wm.stubFor(get("/userprofile-service/socialProfile").willReturn(okJson("{\"profileId\":" + Fixtures.OWNER
                + ",\"displayName\":\"3f2a-uuid\",\"fullName\":\"Ada Runner\"}")));

        LinkOutcome.MfaRequired mfa = (LinkOutcome.MfaRequired) instance()
                .link("acc", new LinkStep.SignIn("ada@example.com", "secret-pw".toCharArray()));
        String stored = shared.get(MobileSignInLink.KIND, mfa.pendingId()).orElseThrow().value();
        LinkOutcome done = instance().link("acc", new LinkStep.SubmitMfa(mfa.pendingId(), "228798"));

        assertThat(done).isInstanceOf(LinkOutcome.Linked.class);
        assertThat(stored).contains("abc123", "sms").doesNotContain("secret-pw", "ada@example.com");
        wm.verify(postRequestedFor(urlPathEqualTo("/mobile/api/mfa/verifyCode"))
                .withRequestBody(containing("\"mfaMethod\":\"sms\"")));
        assertThat(shared.get(MobileSignInLink.KIND, mfa.pendingId())).as("used up").isEmpty();
    }

    @Test
    void wrongCodesAreCountedAcrossInstances() {
        wm.stubFor(get(urlPathEqualTo("/mobile/sso/en/sign-in")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html></html>")));
        wm.stubFor(post(urlPathEqualTo("/mobile/api/login")).willReturn(okJson("{\"responseStatus\":{\"type\":"
                + "\"MFA_REQUIRED\"},\"customerMfaInfo\":{\"email\":\"a***@example.com\"}}")));
        wm.stubFor(post(urlPathEqualTo("/mobile/api/mfa/verifyCode"))
                .willReturn(okJson("{\"responseStatus\":{\"type\":\"INVALID_MFA_CODE\"}}")));
        String id = ((LinkOutcome.MfaRequired) instance().link("acc",
                new LinkStep.SignIn("ada@example.com", "pw".toCharArray()))).pendingId();

        for (int i = 0; i < MobileSignInLink.MFA_ATTEMPTS; i++) {
            instance().link("acc", new LinkStep.SubmitMfa(id, "11111" + i));
        }

        assertThat(shared.get(MobileSignInLink.KIND, id)).isEmpty();
        assertThat(instance().link("acc", new LinkStep.SubmitMfa(id, "228798"))).isInstanceOf(LinkOutcome.Refused.class);
        wm.verify(MobileSignInLink.MFA_ATTEMPTS, postRequestedFor(urlPathEqualTo("/mobile/api/mfa/verifyCode")));
    }

    @Test
    void anOAuthStateIssuedByOneInstanceIsAcceptedOnceByAnother() {
        URI url = ((LinkOutcome.Redirect) instance().link("acc",
                new LinkStep.StartOAuth("https://pace42.example/link/oauth/callback"))).authorizationUrl();
        String state = query(url).get("state");
        wm.stubFor(post("/di-oauth2-service/oauth/token").withRequestBody(containing("code=the-code"))
                .willReturn(okJson("{\"access_token\":\"partner-access\",\"refresh_token\":\"pr1\",\"expires_in\":86400,"
                        + "\"token_type\":\"bearer\"}")));
        wm.stubFor(get("/partner-gateway/rest/user/id").withHeader("Authorization", equalTo("Bearer partner-access"))
                .willReturn(okJson("{\"userId\":\"partner-user-1\"}")));

        LinkOutcome done = instance().link("acc", new LinkStep.OAuthCallback(state, "the-code"));

        assertThat(done).isEqualTo(new LinkOutcome.Linked(GarminIdentity.partner("partner-user-1")));
        assertThat(instance().link("acc", new LinkStep.OAuthCallback(state, "the-code")))
                .isInstanceOf(LinkOutcome.Refused.class);
    }

    @Test
    void aKindHoldsABoundedNumberOfEntriesAndExpiredOnesAreNeverReturned() {
        ai.pace42.garmin.MutableClock clock = new ai.pace42.garmin.MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        InMemoryFlowState small = new InMemoryFlowState(clock, 2);
        Instant soon = clock.instant().plusSeconds(60);

        assertThat(small.put("k", "1", new FlowState.Entry("a", "v1", soon))).isTrue();
        assertThat(small.put("k", "2", new FlowState.Entry("a", "v2", soon))).isTrue();
        assertThat(small.put("k", "3", new FlowState.Entry("a", "v3", soon))).isFalse();
        assertThat(small.put("other", "1", new FlowState.Entry("a", "v", soon))).isTrue();

        clock.advance(java.time.Duration.ofSeconds(61));
        assertThat(small.get("k", "1")).isEmpty();
        assertThat(small.put("k", "3", new FlowState.Entry("a", "v3", clock.instant().plusSeconds(60)))).isTrue();
    }

    private static Map<String, String> query(URI url) {
        Map<String, String> q = new HashMap<>();
        for (String pair : url.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            q.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return q;
    }
}
