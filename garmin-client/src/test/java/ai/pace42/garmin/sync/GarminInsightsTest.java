package ai.pace42.garmin.sync;

import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.GarminWireMock;
import ai.pace42.garmin.api.GarminHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class GarminInsightsTest extends GarminWireMock {

    private static final LocalDate DAY = LocalDate.parse("2026-07-04");
    private GarminInsights insights;

    @BeforeEach
    void setUp() {
        link("a", "token-a", "r", Instant.now().plusSeconds(3600));
        GarminActivitySources sources = new GarminActivitySources(new GarminHttp(config), store,
                new InMemoryActivityCache(), Clock.systemUTC());
        insights = sources.garmin("a").orElseThrow().insights();
    }

    @Test
    void training_status_picks_the_primary_device_and_vo2max() {
        wm.stubFor(get(urlPathEqualTo("/metrics-service/metrics/trainingstatus/aggregated/2026-07-04")).willReturn(okJson("""
            {"userId":1,"mostRecentVO2Max":{"userId":1,"generic":{"calendarDate":"2026-06-30","vo2MaxPreciseValue":57.6,
              "vo2MaxValue":58.0,"fitnessAge":null},"cycling":null},
             "mostRecentTrainingStatus":{"latestTrainingStatusData":{
               "111":{"trainingStatusFeedbackPhrase":"DETRAINING_1","primaryTrainingDevice":false},
               "3618356072":{"calendarDate":"2025-06-11","trainingStatus":7,"trainingStatusFeedbackPhrase":"PRODUCTIVE_6",
                 "sport":"RUNNING","primaryTrainingDevice":true}}},"heatAltitudeAcclimationDTO":null}
            """)));
        var s = insights.trainingStatus(DAY).value();
        assertThat(s.vo2max().getAsDouble()).isEqualTo(57.6);
        assertThat(s.statusPhrase()).contains("PRODUCTIVE_6");
    }

    @Test
    void training_readiness_prefers_the_morning_snapshot_and_knows_empty() {
        wm.stubFor(get(urlPathEqualTo("/metrics-service/metrics/trainingreadiness/2026-07-04")).willReturn(okJson(
                "[{\"calendarDate\":\"2026-07-04\",\"timestamp\":\"2026-07-04T12:00:00.0\",\"level\":\"LOW\","
                        + "\"score\":31,\"inputContext\":\"AFTER_POST_EXERCISE_RESET\",\"recoveryTime\":2004},"
                        + "{\"calendarDate\":\"2026-07-04\",\"timestamp\":\"2026-07-04T03:50:17.0\","
                        + "\"level\":\"MODERATE\",\"score\":64,\"inputContext\":\"AFTER_WAKEUP_RESET\"}]")));
        wm.stubFor(get(urlPathEqualTo("/metrics-service/metrics/trainingreadiness/2026-07-05")).willReturn(okJson("[]")));
        var r = insights.readiness(DAY).value();
        assertThat(r.score()).hasValue(64);
        assertThat(r.level()).isEqualTo("MODERATE");
        assertThat(insights.readiness(DAY.plusDays(1)).problem().code()).isEqualTo(GarminProblemCode.GARMIN_NO_DATA);
    }

    @Test
    void race_predictions_in_seconds() {
        wm.stubFor(get(urlPathEqualTo("/metrics-service/metrics/racepredictions/latest/runner-a")).willReturn(okJson(
                "{\"userId\":1,\"fromCalendarDate\":null,\"calendarDate\":\"2026-07-04\",\"time5K\":1156,"
                        + "\"time10K\":2450,\"timeHalfMarathon\":5510,\"timeMarathon\":12280}")));
        assertThat(insights.racePredictions().value().tenKS().getAsDouble()).isEqualTo(2450);
    }

    @Test
    void hrv_and_sleep_and_their_no_data_shapes() {
        wm.stubFor(get(urlPathEqualTo("/hrv-service/hrv/2026-07-04")).willReturn(okJson(
                "{\"hrvSummary\":{\"calendarDate\":\"2026-07-04\",\"weeklyAvg\":39,\"lastNightAvg\":42,"
                        + "\"status\":\"BALANCED\"},\"hrvReadings\":[]}")));
        wm.stubFor(get(urlPathEqualTo("/hrv-service/hrv/2026-07-05")).willReturn(aResponse().withStatus(204)));
        wm.stubFor(get(urlPathEqualTo("/sleep-service/sleep/dailySleepData")).willReturn(okJson(
                "{\"dailySleepDTO\":{\"id\":1,\"sleepTimeSeconds\":27000,\"sleepScores\":{\"overall\":{\"value\":81}}}}")));
        assertThat(insights.hrv(DAY).value().lastNightAvgMs().getAsDouble()).isEqualTo(42);
        assertThat(insights.hrv(DAY.plusDays(1)).problem().code()).isEqualTo(GarminProblemCode.GARMIN_NO_DATA);
        assertThat(insights.sleep(DAY).value().score().getAsDouble()).isEqualTo(81);
        wm.stubFor(get(urlPathEqualTo("/sleep-service/sleep/dailySleepData")).willReturn(okJson(
                "{\"dailySleepDTO\":{\"id\":null,\"sleepTimeSeconds\":null},\"sleepMovement\":[]}")));
        assertThat(insights.sleep(DAY).problem().code()).isEqualTo(GarminProblemCode.GARMIN_NO_DATA);
        wm.stubFor(get(urlPathEqualTo("/metrics-service/metrics/trainingstatus/aggregated/2026-07-04"))
                .willReturn(okJson("{\"userId\":1,\"mostRecentVO2Max\":null}")));
        assertThat(insights.trainingStatus(DAY).problem().code()).isEqualTo(GarminProblemCode.GARMIN_NO_DATA);
    }
}
