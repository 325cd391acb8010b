package ai.pace42.garmin.sync;

import ai.pace42.coach.CoachQuestion;
import ai.pace42.coach.DeterministicCoach;
import ai.pace42.coach.UnitSystem;
import ai.pace42.garmin.Fixtures;
import ai.pace42.garmin.GarminWireMock;
import ai.pace42.garmin.MutableClock;
import ai.pace42.garmin.api.GarminHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.time.Instant;
import java.time.ZoneOffset;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One time budget per answer, with WireMock fixed delays far longer than a small configured budget: the answer
 * is the honest failure or the cached runs, the calls are not repeated, and what Garmin sends after the answer
 * still reaches the cache for the next question.
 */
class AnswerBudgetTest extends GarminWireMock {

    private static final String LIST = "/activitylist-service/activities/search/activities";
    private static final long RUN = 42000000001L;

    private MutableClock clock;
    private GarminHttp http;
    private DeterministicCoach coach;
    private GarminActivitySources sources;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
        config = config.withAnswerBudget(Duration.ofMillis(300)).withRequestTimeout(Duration.ofSeconds(5));
        http = new GarminHttp(config, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), clock);
        link("a", "token-a", "refresh-a", Instant.now().plusSeconds(20 * 3600));
        sources = new GarminActivitySources(http, store, new InMemoryActivityCache(), clock);
        coach = new DeterministicCoach(sources::resolve);
        wm.stubFor(get(urlPathEqualTo("/activity-service/activity/" + RUN + "/details"))
                .willReturn(okJson(Fixtures.details(RUN, 60))));
    }

    private String ask() {
        return coach.answer(new CoachQuestion("a", "Analyze my last run", UnitSystem.METRIC, ZoneOffset.UTC,
                clock.instant(), "req-7")).text();
    }

    private void stubList(int delayMs) {
        wm.stubFor(get(urlPathEqualTo(LIST)).willReturn(okJson("["
                + Fixtures.listItem(RUN, "running", 1, "2026-11-19 07:00:00") + "]").withFixedDelay(delayMs)));
    }

    @Test
    void aColdQuestionToASlowGarminGetsTheTruthAndTheDataArrivesForTheNextOne() throws Exception {
        stubList(1500);

        assertThat(ask()).isEqualTo("Garmin is answering slowly; I'm still fetching your runs in the background, "
                + "so ask again in a minute (GARMIN_SLOW, ref req-7).");

        // The sync (and the newest run's details) go on after the answer: wait, bounded, until they are cached.
        GarminActivitySource source = sources.garmin("a").orElseThrow();
        for (int i = 0; i < 200 && !cachedInFull(source); i++) {
            Thread.sleep(50);
        }
        assertThat(cachedInFull(source)).isTrue();
        wm.verify(1, getRequestedFor(urlPathEqualTo(LIST)));
        clock.advance(Duration.ofMinutes(1)); // still fresh: the next answer needs no call
        stubList(0);
        assertThat(ask()).contains("10.0 km in 50:00").doesNotContain("GARMIN_SLOW");
        wm.verify(1, getRequestedFor(urlPathEqualTo(LIST)));
    }

    /** summary() makes no call: it is the run in full only once the details are in the cache. */
    private static boolean cachedInFull(GarminActivitySource source) {
        return source.summary(Long.toString(RUN)).map(a -> !a.samples().isEmpty()).orElse(false);
    }

    @Test
    void withRunsCachedASlowRefreshAnswersFromTheCacheAndSaysSo() {
        stubList(0);
        // Cached outside any answer (no budget), as a sync right after linking does.
        assertThat(sources.garmin("a").orElseThrow().lastRun()).isInstanceOf(LastRun.Found.class);
        assertThat(ask()).contains("10.0 km in 50:00");
        clock.advance(Duration.ofMinutes(30)); // stale: the next answer tries to refresh
        wm.stubFor(get(urlPathEqualTo(LIST)).willReturn(aResponse().withStatus(200).withFixedDelay(1500)
                .withBody("[]")));

        String answer = ask();

        assertThat(answer).contains("10.0 km in 50:00");
        assertThat(answer).endsWith("**Note:** this answer uses your runs as of 10:00 (30 min ago); I could not "
                + "fetch newer data: Garmin is answering slowly; I'm still fetching your runs in the background, so "
                + "ask again in a minute (GARMIN_SLOW, ref req-7).");
        wm.verify(2, getRequestedFor(urlPathEqualTo(LIST)));
    }

    @Test
    void aRunnerAnsweredWithoutTheNewDataIsToldOnceWhenItArrives() throws Exception {
        List<String> told = new CopyOnWriteArrayList<>();
        sources.onLateData(told::add);
        stubList(1500);

        assertThat(ask()).contains("GARMIN_SLOW");
        for (int i = 0; i < 200 && told.isEmpty(); i++) { // bounded wait for the background sync
            Thread.sleep(50);
        }

        assertThat(told).containsExactly("a");
        stubList(0);
        assertThat(ask()).contains("10.0 km in 50:00");
        assertThat(told).as("a fresh answer is no late data").containsExactly("a");
    }

    @Test
    void aSlowRefreshThatBringsNothingNewTellsNobody() throws Exception {
        List<String> told = new CopyOnWriteArrayList<>();
        sources.onLateData(told::add);
        stubList(0);
        assertThat(sources.garmin("a").orElseThrow().lastRun()).isInstanceOf(LastRun.Found.class);
        clock.advance(Duration.ofMinutes(30));
        stubList(1500); // the same single run again, slowly

        assertThat(ask()).contains("GARMIN_SLOW");
        GarminActivitySource source = sources.garmin("a").orElseThrow();
        for (int i = 0; i < 200 && !source.stamp().lastSuccess().equals(java.util.Optional.of(clock.instant())); i++) {
            Thread.sleep(50);
        }

        assertThat(source.stamp().lastSuccess()).hasValue(clock.instant());
        assertThat(told).isEmpty();
    }

    @Test
    void everyAnswerFromGarminSaysHowFreshTheDataIs() {
        stubList(0);

        assertThat(ask()).endsWith("Garmin data synced just now.");
        clock.advance(Duration.ofMinutes(4)); // within the 10-minute freshness window: no new sync
        assertThat(ask()).endsWith("Garmin data synced 4 min ago.");
    }
}
