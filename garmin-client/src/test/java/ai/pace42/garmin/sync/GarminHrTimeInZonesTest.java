package ai.pace42.garmin.sync;

import ai.pace42.coach.CoachQuestion;
import ai.pace42.coach.DeterministicCoach;
import ai.pace42.coach.UnitSystem;
import ai.pace42.coach.model.HrZoneTimes;
import ai.pace42.garmin.Fixtures;
import ai.pace42.garmin.GarminWireMock;
import ai.pace42.garmin.MutableClock;
import ai.pace42.garmin.api.GarminHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.OptionalInt;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Garmin's {@code /hrTimeInZones} (garmin-connect.md §3.5: an array of up to five
 * {@code {"zoneNumber","secsInZone","zoneLowBoundary"}}, seconds as floats, bounds in bpm) reaches the coach model
 * and the answer names them as Garmin's zones. The run has no details (a manual or indoor run: /details 404), so
 * the coach cannot count zones itself and Garmin's count is the only evidence.
 */
class GarminHrTimeInZonesTest extends GarminWireMock {

    private static final String LIST = "/activitylist-service/activities/search/activities";
    private static final long RUN = 41000000011L;
    private static final String ACTIVITY = "/activity-service/activity/" + RUN;

    /** 5,012 m in 1,800 s moving; Garmin's zones below add up to 1,800 s (42 + 310 + 900.4 + 500 + 47.6). */
    private static final String ITEM = """
        {"activityId":%d,"activityName":"Treadmill","startTimeLocal":"2026-11-19 18:00:00",
         "startTimeGMT":"2026-11-19 17:00:00","activityType":{"typeId":18,"typeKey":"treadmill_running",
         "parentTypeId":1,"isHidden":false},"distance":5012.0,"duration":1800.0,"elapsedDuration":1800.0,
         "movingDuration":1800.0,"averageHR":151.0,"maxHR":178.0,"beginTimestamp":1763571600000,
         "ownerId":%d,"ownerDisplayName":"runner-a","manualActivity":false}
        """.formatted(RUN, Fixtures.OWNER);

    private static final String ZONES = """
        [{"zoneNumber":1,"secsInZone":42.0,"zoneLowBoundary":109},
         {"zoneNumber":2,"secsInZone":310.0,"zoneLowBoundary":127},
         {"zoneNumber":3,"secsInZone":900.4,"zoneLowBoundary":145},
         {"zoneNumber":4,"secsInZone":500.0,"zoneLowBoundary":163},
         {"zoneNumber":5,"secsInZone":47.6,"zoneLowBoundary":181}]
        """;

    private MutableClock clock;
    private GarminActivitySources sources;
    private DeterministicCoach coach;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(Instant.parse("2026-11-20T03:00:00Z"));
        GarminHttp http = new GarminHttp(config, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .build(), clock);
        link("a", "token-a", "refresh-a", Instant.now().plus(Duration.ofDays(5)));
        sources = new GarminActivitySources(http, store, new InMemoryActivityCache(), clock);
        coach = new DeterministicCoach(sources::resolve);
        wm.stubFor(get(urlPathEqualTo(LIST)).willReturn(okJson("[" + ITEM + "]")));
        wm.stubFor(get(urlPathEqualTo(ACTIVITY + "/details")).willReturn(aResponse().withStatus(404)));
        wm.stubFor(get(urlPathEqualTo(ACTIVITY + "/splits")).willReturn(aResponse().withStatus(404)));
        wm.stubFor(get(urlPathEqualTo(ACTIVITY + "/hrTimeInZones")).willReturn(okJson(ZONES)));
    }

    /** The full breakdown ("details" in chat), where a run's zones are listed; other answers are their text. */
    private String ask(String text) {
        var answer = coach.answer(new CoachQuestion("a", text, UnitSystem.METRIC, ZoneId.of("Europe/Paris"),
                clock.instant(), "req-1"));
        return answer.details().orElse(answer.text());
    }

    @Test
    void theZonesAreInTheCoachModelAsGarminSentThem() {
        var source = sources.resolve("a").orElseThrow();
        source.list(Instant.parse("2026-11-01T00:00:00Z"), clock.instant());

        HrZoneTimes zones = source.load(Long.toString(RUN)).orElseThrow().summary().hrZones();

        assertThat(zones.zones()).containsExactly(
                new HrZoneTimes.Zone(1, 42.0, OptionalInt.of(109)),
                new HrZoneTimes.Zone(2, 310.0, OptionalInt.of(127)),
                new HrZoneTimes.Zone(3, 900.4, OptionalInt.of(145)),
                new HrZoneTimes.Zone(4, 500.0, OptionalInt.of(163)),
                new HrZoneTimes.Zone(5, 47.6, OptionalInt.of(181)));
    }

    @Test
    void theAnalysisSaysTheyAreGarminsZones() {
        String answer = ask("Analyze my last run");

        assertThat(answer).contains("Time in Garmin's HR zones (your watch's zone settings): Z1 0:42 (from 109 bpm), "
                + "Z2 5:10 (from 127 bpm), Z3 15:00 (from 145 bpm), Z4 8:20 (from 163 bpm), Z5 0:48 (from 181 bpm).");
        assertThat(answer).contains("Garmin counted most of this run, 15:00 of 30:00, in its HR zone 3 (from 145 bpm)");
        assertThat(answer).doesNotContain("splits, zones and drift are unknown");
    }

    @Test
    void theZonesAreFetchedOnceAndCachedWithTheRun() {
        ask("Analyze my last run");
        ask("Analyze my last run");

        wm.verify(1, getRequestedFor(urlPathEqualTo(ACTIVITY + "/hrTimeInZones")));
    }

    @Test
    void aRunWithoutHeartRateGetsFiveZerosFromGarminAndNoZoneSentence() {
        wm.stubFor(get(urlPathEqualTo(ACTIVITY + "/hrTimeInZones")).willReturn(okJson(
                "[{\"zoneNumber\":1,\"secsInZone\":0.0,\"zoneLowBoundary\":109},"
                        + "{\"zoneNumber\":2,\"secsInZone\":0.0,\"zoneLowBoundary\":127}]")));

        assertThat(ask("Analyze my last run")).doesNotContain("Garmin's HR zones", "Garmin counted");
    }

    @Test
    void aFailingZonesCallLeavesThemOutAndKeepsTheRun() {
        wm.stubFor(get(urlPathEqualTo(ACTIVITY + "/hrTimeInZones")).willReturn(aResponse().withStatus(500)));

        String answer = ask("Analyze my last run");

        assertThat(answer).contains("5.0 km in 30:00").doesNotContain("Garmin's HR zones");
    }
}
