package ai.pace42.garmin.sync;

import ai.pace42.coach.CoachQuestion;
import ai.pace42.coach.DeterministicCoach;
import ai.pace42.coach.UnitSystem;
import ai.pace42.garmin.Fixtures;
import ai.pace42.garmin.GarminWireMock;
import ai.pace42.garmin.MutableClock;
import ai.pace42.garmin.api.GarminHttp;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Random;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The numbers of an answer against the payload's own summary, with recorded-shape payloads (garmin-connect.md
 * §3.2-3.6): a list item, details downsampled to one row every 5 s with noisy altitude, auto-lap splits and the
 * weather body. Every expected value is worked out by hand from the list item and written as a literal.
 */
class GarminAnswerNumbersTest extends GarminWireMock {

    private static final String LIST = "/activitylist-service/activities/search/activities";
    private static final long RUN = 41000000007L;
    private static final String ACTIVITY = "/activity-service/activity/" + RUN;

    /**
     * A New York run at 05:40 local (10:40 GMT): 7003.4 m, 2074.0 s moving (34:34), so 296.1 s/km = 4:56 /km;
     * Garmin's barometric climb 43 m; average HR 152, recorded maximum 193.
     */
    private static final String ITEM = """
        {"activityId":%d,"activityName":"Morning Run","startTimeLocal":"2026-11-19 05:40:00",
         "startTimeGMT":"2026-11-19 10:40:00","activityType":{"typeId":1,"typeKey":"running","parentTypeId":17,
         "isHidden":false},"eventType":{"typeId":9,"typeKey":"uncategorized"},"distance":7003.4,"duration":2080.5,
         "elapsedDuration":2101.2,"movingDuration":2074.0,"elevationGain":43.0,"elevationLoss":41.0,
         "maxElevation":71.2,"minElevation":48.9,"averageSpeed":3.366,"averageMovingSpeed":3.377,"averageHR":152.0,
         "maxHR":193.0,"averageRunningCadenceInStepsPerMinute":170.2,"beginTimestamp":1763548800000,
         "ownerId":%d,"ownerDisplayName":"runner-a","lapCount":8,"hasSplits":true,"manualActivity":false}
        """.formatted(RUN, Fixtures.OWNER);

    /** Auto-lap every 1.00 km, and the 3.4 m stub lap the watch writes at the stop button. */
    private static final String SPLITS = """
        {"activityId":%d,"lapDTOs":[
         {"startTimeGMT":"2026-11-19T10:40:00.0","distance":1000.0,"duration":300.0,"movingDuration":300.0,"elapsedDuration":300.0,"averageHR":141.0,"lapIndex":1,"intensityType":"ACTIVE"},
         {"startTimeGMT":"2026-11-19T10:45:00.0","distance":1000.0,"duration":298.0,"movingDuration":298.0,"elapsedDuration":305.0,"averageHR":148.0,"lapIndex":2,"intensityType":"ACTIVE"},
         {"startTimeGMT":"2026-11-19T10:50:05.0","distance":1000.0,"duration":296.0,"movingDuration":296.0,"elapsedDuration":296.0,"averageHR":151.0,"lapIndex":3,"intensityType":"ACTIVE"},
         {"startTimeGMT":"2026-11-19T10:55:01.0","distance":1000.0,"duration":295.0,"movingDuration":295.0,"elapsedDuration":295.0,"averageHR":153.0,"lapIndex":4,"intensityType":"ACTIVE"},
         {"startTimeGMT":"2026-11-19T10:59:56.0","distance":1000.0,"duration":294.0,"movingDuration":294.0,"elapsedDuration":294.0,"averageHR":155.0,"lapIndex":5,"intensityType":"ACTIVE"},
         {"startTimeGMT":"2026-11-19T11:04:50.0","distance":1000.0,"duration":293.0,"movingDuration":293.0,"elapsedDuration":293.0,"averageHR":157.0,"lapIndex":6,"intensityType":"ACTIVE"},
         {"startTimeGMT":"2026-11-19T11:09:43.0","distance":1000.0,"duration":297.0,"movingDuration":297.0,"elapsedDuration":311.2,"averageHR":159.0,"lapIndex":7,"intensityType":"ACTIVE"},
         {"startTimeGMT":"2026-11-19T11:14:54.2","distance":3.4,"duration":1.0,"movingDuration":1.0,"elapsedDuration":1.0,"averageHR":160.0,"lapIndex":8,"intensityType":"ACTIVE"}],
         "eventDTOs":[]}
        """.formatted(RUN);

    /** °F whatever the account's units (N24): 63 °F is 17.2 °C. */
    private static final String WEATHER = """
        {"issueDate":"2026-11-19T11:00:00.000+00:00","temp":63,"apparentTemp":63,"dewPoint":50,
         "relativeHumidity":62,"windDirection":200,"windDirectionCompassPoint":"ssw","windSpeed":9,"windGust":null,
         "latitude":40.78,"longitude":-73.97,"weatherStationDTO":{"id":"KNYC","name":"","timezone":null},
         "weatherTypeDTO":{"weatherTypePk":null,"desc":"Mostly Cloudy","image":"x.png"}}
        """;

    private MutableClock clock;
    private GarminActivitySources sources;
    private DeterministicCoach coach;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(Instant.parse("2026-11-20T03:00:00Z"));
        GarminHttp http = new GarminHttp(config, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .build(), clock);
        // Valid past the 400 days one test moves the clock on.
        link("a", "token-a", "refresh-a", Instant.now().plus(java.time.Duration.ofDays(500)));
        sources = new GarminActivitySources(http, store, new InMemoryActivityCache(), clock);
        coach = new DeterministicCoach(sources::resolve);
        wm.stubFor(get(urlPathEqualTo(LIST)).willReturn(okJson("[" + ITEM + "]")));
        wm.stubFor(get(urlPathEqualTo(ACTIVITY + "/details")).willReturn(okJson(downsampledDetails())));
        wm.stubFor(get(urlPathEqualTo(ACTIVITY + "/splits")).willReturn(okJson(SPLITS)));
        wm.stubFor(get(urlPathEqualTo(ACTIVITY + "/weather")).willReturn(okJson(WEATHER)));
    }

    /**
     * One row every 5 s (Garmin downsamples), alternating 3.0 and 3.9 m/s so the mean of the speed samples is not
     * the run's pace, altitude with ±2.5 m of barometer noise on a small hill, and HR peaking at 190.
     */
    private static String downsampledDetails() {
        ObjectNode root = Fixtures.M.createObjectNode();
        root.put("activityId", RUN);
        ArrayNode desc = root.putArray("metricDescriptors");
        String[] keys = {"directTimestamp", "directSpeed", "sumDistance", "directHeartRate", "directElevation"};
        for (int k = 0; k < keys.length; k++) {
            desc.addObject().put("metricsIndex", k).put("key", keys[k]).putObject("unit").put("key", "x");
        }
        ArrayNode rows = root.putArray("activityDetailMetrics");
        Random noise = new Random(42);
        long t0 = Instant.parse("2026-11-19T10:40:00Z").toEpochMilli();
        int n = 415;
        double dist = 0;
        for (int i = 0; i < n; i++) {
            double speed = i % 2 == 0 ? 3.0 : 3.9;
            dist = Math.min(7003.4, dist + (i == 0 ? 0 : 7003.4 / (n - 1)));
            double hill = 50 + 20 * Math.sin(Math.PI * i / n);
            ArrayNode m = rows.addObject().putArray("metrics");
            m.add(t0 + i * 5000L).add(speed).add(dist).add(130 + 60.0 * i / (n - 1))
                    .add(hill + (noise.nextDouble() * 5 - 2.5));
        }
        return root.toString();
    }

    private String ask(String text, ZoneId zone) {
        return coach.answer(new CoachQuestion("a", text, UnitSystem.METRIC, zone, clock.instant(), "req-1")).text();
    }

    /** The full breakdown a run's concise reply carries as its details ("details" in chat). */
    private String askInFull(String text, ZoneId zone) {
        var answer = coach.answer(new CoachQuestion("a", text, UnitSystem.METRIC, zone, clock.instant(), "req-1"));
        return answer.details().orElse(answer.text());
    }

    @Test
    void theHeadlineIsGarminsDistanceMovingTimeAndPace() {
        assertThat(ask("Analyze my last run", ZoneId.of("America/New_York"))).contains("7.0 km in 34:34 at 4:56 /km");
        String answer = askInFull("Analyze my last run", ZoneId.of("America/New_York"));

        assertThat(answer).contains("7.0 km in 34:34 at 4:56 /km");
        assertThat(answer).contains("7.0 km in 34:34 moving (4:56 /km)");
        assertThat(answer).contains("Climb 43 m");
        assertThat(answer).contains("Heart rate averaged 152 bpm, max 193 bpm");
    }

    @Test
    void splitsAreTheWatchsLapsAndTheWeatherIsSaid() {
        String answer = askInFull("Analyze my last run", ZoneId.of("America/New_York"));

        assertThat(answer).contains("Splits per km: 5:00, 4:58, 4:56, 4:55, 4:54, 4:53, 4:57, last 0.0 km 4:54.");
        assertThat(answer).contains("8 laps recorded by the watch (the splits above are its laps).");
        assertThat(answer).contains("It was 17 °C, mostly cloudy.");
    }

    @Test
    void lapsAndWeatherAreFetchedOnceAndCachedWithTheRun() {
        ask("Analyze my last run", ZoneId.of("America/New_York"));
        ask("Analyze my last run", ZoneId.of("America/New_York"));

        wm.verify(1, getRequestedFor(urlPathEqualTo(ACTIVITY + "/details")));
        wm.verify(1, getRequestedFor(urlPathEqualTo(ACTIVITY + "/splits")));
        wm.verify(1, getRequestedFor(urlPathEqualTo(ACTIVITY + "/weather")));
    }

    @Test
    void theRunIsShownAtItsOwnLocalTimeWithItsZoneWhenTheViewerIsElsewhere() {
        assertThat(askInFull("Analyze my last run", ZoneId.of("Asia/Tokyo"))).contains("Thu 19 Nov, 05:40 (UTC-05:00)");
        assertThat(askInFull("Analyze my last run", ZoneId.of("America/New_York"))).contains("Thu 19 Nov, 05:40:")
                .doesNotContain("(UTC-05:00)");
    }

    @Test
    void theEstimatedMaximumIsNeverBelowTheRecordedOne() {
        // One run is not enough history to estimate a maximum (issue 14): its recorded 193 bpm is a lower bound.
        assertThat(ask("What are my heart rate zones?", ZoneId.of("America/New_York")))
                .contains("highest recorded heart rate is 193 bpm, so your maximum is at least that");
    }

    @Test
    void aRunWithoutDetailsKeepsTheAveragesOfItsSummary() {
        wm.stubFor(get(urlPathEqualTo(ACTIVITY + "/details")).willReturn(aResponse().withStatus(404)));

        String answer = askInFull("Analyze my last run", ZoneId.of("America/New_York"));

        assertThat(answer).contains("7.0 km in 34:34 moving (4:56 /km)", "Heart rate averaged 152 bpm, max 193 bpm");
        // Without a profile or enough history the load needs a maximum HR one summary cannot give (issue 14).
        assertThat(answer).doesNotContain("Heart rate: unknown", "neither heart rate nor pace")
                .contains("load unknown: it needs your maximum heart rate or threshold pace");
    }

    @Test
    void theOlderListWrapperAndMillisecondElapsedTimesAreRead() {
        String old = ITEM.replace("\"elapsedDuration\":2101.2", "\"elapsedDuration\":2101200.0");
        wm.stubFor(get(urlPathEqualTo(LIST)).willReturn(okJson("{\"activityList\":[" + old + "]}")));

        var run = sources.resolve("a").orElseThrow();
        var headers = run.list(Instant.parse("2026-11-01T00:00:00Z"), clock.instant());

        assertThat(headers).hasSize(1);
        assertThat(run.load(Long.toString(RUN)).orElseThrow().elapsedS()).hasValue(2101.2);
    }

    @Test
    void aRunnerWhoseNewestRunIsOlderThanTheWindowHearsWhenItWas() {
        clock.advance(java.time.Duration.ofDays(400));

        String answer = ask("Analyze my last run", ZoneId.of("America/New_York"));

        assertThat(answer).startsWith("Your most recent run is from Thu 19 Nov 2026, more than 180 days ago");
        assertThat(answer).contains("7.0 km in 34:34").doesNotContain("could not find any runs");
    }
}
