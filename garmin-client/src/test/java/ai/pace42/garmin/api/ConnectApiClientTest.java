package ai.pace42.garmin.api;

import ai.pace42.garmin.Fixtures;
import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.GarminWireMock;
import ai.pace42.garmin.Result;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

class ConnectApiClientTest extends GarminWireMock {

    private static final Instant LATER = Instant.now().plusSeconds(20 * 3600);
    private static final String PROFILE = "/userprofile-service/socialProfile";
    private static final String PROFILE_JSON = "{\"id\":1,\"profileId\":" + Fixtures.OWNER
            + ",\"garminGUID\":\"0000\",\"displayName\":\"runner-a\",\"fullName\":\"Runner A\","
            + "\"runningTrainingSpeed\":2.857143,\"userPro\":false}";

    private ConnectApiClient linkedClient() {
        link("a", "access-1", "refresh-1", LATER);
        return client(new GarminHttp(config), "a");
    }

    @Test
    void profile_is_fetched_with_the_accounts_bearer_token() {
        wm.stubFor(get(PROFILE).willReturn(okJson(PROFILE_JSON)));
        Result<JsonNode> r = linkedClient().socialProfile();
        assertThat(r.value().get("displayName").asText()).isEqualTo("runner-a");
        wm.verify(getRequestedFor(urlPathEqualTo(PROFILE)).withHeader("Authorization", equalTo("Bearer access-1")));
    }

    @Test
    void every_data_endpoint_hits_its_path_and_returns_its_json() {
        ConnectApiClient c = linkedClient();
        long id = 21482825013L;
        String sid = Long.toString(id);
        stub("/activitylist-service/activities/search/activities",
                "[" + Fixtures.listItem(id, "running", 17, "2026-01-08 14:10:21") + "]");
        stub("/activity-service/activity/" + id, Fixtures.activityDetail(id));
        stub("/activity-service/activity/" + id + "/details", Fixtures.details(id, 5));
        stub("/activity-service/activity/" + id + "/splits", Fixtures.splits(id));
        stub("/activity-service/activity/" + id + "/hrTimeInZones",
                "[{\"zoneNumber\":1,\"secsInZone\":12.0,\"zoneLowBoundary\":109}]");
        stub("/activity-service/activity/" + id + "/weather", Fixtures.weather());
        stub("/metrics-service/metrics/trainingstatus/aggregated/2026-07-04", "{\"userId\":1,\"mostRecentVO2Max\":"
                + "{\"generic\":{\"vo2MaxPreciseValue\":57.6}}}");
        stub("/metrics-service/metrics/racepredictions/latest/runner%20a",
                "{\"time5K\":1156,\"time10K\":2450,\"timeHalfMarathon\":5510,\"timeMarathon\":12280}");
        stub("/sleep-service/sleep/dailySleepData", "{\"dailySleepDTO\":{\"id\":null,\"sleepTimeSeconds\":null}}");
        wm.stubFor(get(urlPathEqualTo("/hrv-service/hrv/2026-07-04")).willReturn(aResponse().withStatus(204)));

        assertThat(c.activities(0, 20).value().get(0).get("activityId").asLong()).isEqualTo(id);
        assertThat(c.activity(sid).value().at("/summaryDTO/distance").asDouble()).isEqualTo(4261.19);
        assertThat(c.details(sid).value().get("activityDetailMetrics").size()).isEqualTo(5);
        assertThat(c.splits(sid).value().get("lapDTOs").size()).isEqualTo(2);
        assertThat(c.hrTimeInZones(sid).value().isArray()).isTrue();
        assertThat(c.weather(sid).value().get("temp").asInt()).isEqualTo(58);
        assertThat(c.trainingStatus(LocalDate.parse("2026-07-04")).value().has("mostRecentVO2Max")).isTrue();
        assertThat(c.racePredictions("runner a").value().get("time5K").asInt()).isEqualTo(1156);
        assertThat(c.sleep(LocalDate.parse("2026-07-04")).isOk()).isTrue();
        assertThat(c.hrv(LocalDate.parse("2026-07-04")).problem().code()).isEqualTo(GarminProblemCode.GARMIN_NO_DATA);
        wm.verify(getRequestedFor(urlPathEqualTo("/activity-service/activity/" + id + "/details"))
                .withQueryParam("maxChartSize", equalTo("100000")));
        wm.verify(getRequestedFor(urlPathEqualTo("/activitylist-service/activities/search/activities"))
                .withQueryParam("start", equalTo("0")).withQueryParam("limit", equalTo("20")));
    }

    @Test
    void an_activity_id_that_is_not_digits_cannot_change_the_path() {
        wm.stubFor(get(urlPathMatching(".*")).willReturn(aResponse().withStatus(404)));
        linkedClient().activity("../../userprofile-service/socialProfile");
        wm.verify(getRequestedFor(urlPathEqualTo("/activity-service/activity/0")));
        wm.verify(0, getRequestedFor(urlPathEqualTo(PROFILE)));
    }

    @Test
    void a_401_triggers_one_refresh_saves_the_rotated_refresh_token_and_retries() {
        wm.stubFor(get(PROFILE).withHeader("Authorization", equalTo("Bearer access-1"))
                .willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate",
                        "Bearer error=\"invalid_token\", error_description=\"Token is not active\"")));
        String newAccess = jwt(Instant.now().plusSeconds(20 * 3600), "DI_TEST");
        wm.stubFor(get(PROFILE).withHeader("Authorization", equalTo("Bearer " + newAccess))
                .willReturn(okJson(PROFILE_JSON)));
        wm.stubFor(post("/di-oauth2-service/oauth/token").withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("refresh_token=refresh-1"))
                .willReturn(okJson("{\"access_token\":\"" + newAccess + "\",\"refresh_token\":\"refresh-2\","
                        + "\"expires_in\":75017,\"refresh_token_expires_in\":2591999,\"token_type\":\"bearer\"}")));

        Result<JsonNode> r = linkedClient().socialProfile();

        assertThat(r.isOk()).isTrue();
        assertThat(store.load("a").get().tokens().refreshToken()).isEqualTo("refresh-2");
        assertThat(store.load("a").get().tokens().accessToken()).isEqualTo(newAccess);
        wm.verify(1, postRequestedFor(urlPathEqualTo("/di-oauth2-service/oauth/token"))
                .withHeader("Authorization", equalTo("Basic RElfVEVTVDo=")));
    }

    @Test
    void a_second_401_after_refresh_means_relink_and_no_more_refreshes() {
        wm.stubFor(get(PROFILE).willReturn(aResponse().withStatus(401)));
        wm.stubFor(post("/di-oauth2-service/oauth/token").willReturn(okJson(
                "{\"access_token\":\"access-2\",\"refresh_token\":\"refresh-2\",\"expires_in\":3600}")));
        Result<JsonNode> r = linkedClient().socialProfile();
        assertThat(r.problem().code()).isEqualTo(GarminProblemCode.GARMIN_RELINK_REQUIRED);
        wm.verify(2, getRequestedFor(urlPathEqualTo(PROFILE)));
        wm.verify(1, postRequestedFor(urlPathEqualTo("/di-oauth2-service/oauth/token")));
    }

    @Test
    void a_refused_refresh_means_relink() {
        wm.stubFor(get(PROFILE).willReturn(aResponse().withStatus(401)));
        wm.stubFor(post("/di-oauth2-service/oauth/token").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Invalid refresh token\"}")));
        Result<JsonNode> r = linkedClient().socialProfile();
        assertThat(r.problem().code()).isEqualTo(GarminProblemCode.GARMIN_RELINK_REQUIRED);
        assertThat(r.problem().detail()).contains("invalid_grant").doesNotContain("refresh-1");
    }

    @Test
    void a_token_about_to_expire_is_refreshed_before_the_call() {
        link("a", "old", "refresh-1", Instant.now().plusSeconds(300));
        wm.stubFor(post("/di-oauth2-service/oauth/token").willReturn(okJson(
                "{\"access_token\":\"fresh\",\"refresh_token\":\"refresh-2\",\"expires_in\":75017}")));
        wm.stubFor(get(PROFILE).willReturn(okJson(PROFILE_JSON)));
        assertThat(client(new GarminHttp(config), "a").socialProfile().isOk()).isTrue();
        wm.verify(getRequestedFor(urlPathEqualTo(PROFILE)).withHeader("Authorization", equalTo("Bearer fresh")));
        wm.verify(0, getRequestedFor(urlPathEqualTo(PROFILE)).withHeader("Authorization", equalTo("Bearer old")));
        assertThat(store.load("a").get().tokens().refreshToken()).isEqualTo("refresh-2");
    }

    @Test
    void a_429_is_not_retried_honours_retry_after_and_holds_back_later_calls() {
        wm.stubFor(get(PROFILE).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")
                .withBody("Too Many Requests")));
        ConnectApiClient same = linkedClient();
        Result<JsonNode> r = same.socialProfile();
        assertThat(r.problem().code()).isEqualTo(GarminProblemCode.GARMIN_RATE_LIMITED);
        assertThat(r.problem().retryAfter()).contains(Duration.ofSeconds(7));
        // The whole client backs off: the next call gives up without touching Garmin (max wait 2 s < 7 s).
        assertThat(same.socialProfile().problem().code()).isEqualTo(GarminProblemCode.GARMIN_RATE_LIMITED);
        wm.verify(1, getRequestedFor(urlPathEqualTo(PROFILE)));
    }

    @Test
    void a_5xx_is_retried_with_backoff_and_recovers() {
        wm.stubFor(get(PROFILE).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("<html>Service Unavailable</html>"))
                .willSetStateTo("ok"));
        wm.stubFor(get(PROFILE).inScenario("flaky").whenScenarioStateIs("ok").willReturn(okJson(PROFILE_JSON)));
        assertThat(linkedClient().socialProfile().isOk()).isTrue();
        wm.verify(2, getRequestedFor(urlPathEqualTo(PROFILE)));
    }

    @Test
    void persistent_5xx_gives_up_after_max_attempts() {
        wm.stubFor(get(PROFILE).willReturn(aResponse().withStatus(502).withBody("Bad Gateway")));
        assertThat(linkedClient().socialProfile().problem().code()).isEqualTo(GarminProblemCode.GARMIN_UNAVAILABLE);
        wm.verify(3, getRequestedFor(urlPathEqualTo(PROFILE)));
    }

    @Test
    void a_timeout_is_retried_then_reported_unavailable() {
        config = config.withRequestTimeout(Duration.ofMillis(150));
        wm.stubFor(get(PROFILE).willReturn(okJson(PROFILE_JSON).withFixedDelay(1000)));
        long t0 = System.nanoTime();
        Result<JsonNode> r = linkedClient().socialProfile();
        assertThat(r.problem().code()).isEqualTo(GarminProblemCode.GARMIN_UNAVAILABLE);
        assertThat(r.problem().detail()).contains("time-out");
        assertThat((System.nanoTime() - t0) / 1e6).isLessThan(2500);
    }

    @Test
    void error_bodies_become_typed_problems() {
        ConnectApiClient c = linkedClient();
        expect(c, aResponse().withStatus(403).withHeader("Content-Type", "text/html").withBody(
                "<html><title>Attention Required! | Cloudflare</title></html>"), GarminProblemCode.GARMIN_UNAVAILABLE);
        expect(c, aResponse().withStatus(403).withHeader("Content-Type", "application/json").withBody(
                "{\"message\":\"HTTP 403 Forbidden\",\"error\":\"ForbiddenException\"}"),
                GarminProblemCode.GARMIN_ACCESS_DENIED);
        expect(c, aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody(
                "Error retrieving activity: something"), GarminProblemCode.GARMIN_BAD_DATA);
        expect(c, aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody(
                "<!DOCTYPE html><html><title>Garmin Connect</title></html>"), GarminProblemCode.GARMIN_UNAVAILABLE);
        expect(c, aResponse().withStatus(404), GarminProblemCode.GARMIN_NOT_FOUND);
        expect(c, aResponse().withStatus(204), GarminProblemCode.GARMIN_NO_DATA);
        expect(c, aResponse().withStatus(200).withBody(""), GarminProblemCode.GARMIN_NO_DATA);
    }

    @Test
    void an_unlinked_account_makes_no_call() {
        Result<JsonNode> r = client(new GarminHttp(config), "nobody").socialProfile();
        assertThat(r.problem().code()).isEqualTo(GarminProblemCode.GARMIN_NOT_LINKED);
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void the_global_limiter_spaces_calls() {
        config = config.withRate(20, Duration.ofSeconds(5));
        wm.stubFor(get(PROFILE).willReturn(okJson(PROFILE_JSON)));
        ConnectApiClient c = linkedClient();
        long t0 = System.nanoTime();
        for (int i = 0; i < 6; i++) {
            assertThat(c.socialProfile().isOk()).isTrue();
        }
        assertThat((System.nanoTime() - t0) / 1e6).isGreaterThanOrEqualTo(240);
    }

    private void expect(ConnectApiClient c, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response,
                        GarminProblemCode code) {
        wm.resetAll();
        wm.stubFor(get(PROFILE).willReturn(response));
        assertThat(c.socialProfile().problem().code()).as(code.name()).isEqualTo(code);
    }

    private void stub(String path, String body) {
        wm.stubFor(get(urlPathEqualTo(path)).willReturn(okJson(body)));
    }
}
