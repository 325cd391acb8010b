package ai.pace42.garmin.sync;

import ai.pace42.coach.model.ActivityHeader;
import ai.pace42.garmin.Fixtures;
import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.GarminWireMock;
import ai.pace42.garmin.MutableClock;
import ai.pace42.garmin.api.GarminHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class GarminActivitySourceTest extends GarminWireMock {

    private static final String LIST = "/activitylist-service/activities/search/activities";
    private static final long NEWEST = 30000000002L;
    private static final long OLDER = 30000000001L;
    private static final long RIDE = 30000000003L;

    private MutableClock clock;
    private GarminHttp http;
    private GarminActivitySources sources;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
        http = new GarminHttp(config, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), clock);
        link("a", "token-a", "refresh-a", Instant.now().plusSeconds(20 * 3600));
        sources = new GarminActivitySources(http, store, new InMemoryActivityCache(), clock);
    }

    private void stubList(String... items) {
        wm.stubFor(get(urlPathEqualTo(LIST)).willReturn(okJson("[" + String.join(",", items) + "]")));
    }

    private static String item(long id, String type, String startGmt) {
        return Fixtures.listItem(id, type, type.equals("cycling") ? 17 : 1, startGmt);
    }

    private void stubStandardList() {
        stubList(item(RIDE, "cycling", "2026-11-19 18:00:00"), item(NEWEST, "street_running", "2026-11-19 07:00:00"),
                item(OLDER, "treadmill_running", "2026-11-17 07:00:00"));
    }

    private void stubDetails(long id, int status) {
        wm.stubFor(get(urlPathEqualTo("/activity-service/activity/" + id + "/details")).willReturn(status == 200
                ? okJson(Fixtures.details(id, 30)) : aResponse().withStatus(status).withBody("oops")));
    }

    private GarminActivitySource source() {
        return sources.garmin("a").orElseThrow();
    }

    @Test
    void cold_last_run_costs_five_calls_and_warm_costs_none() {
        stubStandardList();
        stubDetails(NEWEST, 200);
        long before = http.callCount();
        LastRun cold = source().lastRun();
        assertThat(cold).isInstanceOf(LastRun.Found.class);
        assertThat(((LastRun.Found) cold).activity().id()).isEqualTo(Long.toString(NEWEST));
        assertThat(((LastRun.Found) cold).activity().samples().size()).isEqualTo(30);
        // The list, then the run's details, laps, weather and time in zones (cached with the run).
        assertThat(http.callCount() - before).isEqualTo(5);

        clock.advance(Duration.ofMinutes(4));
        LastRun warm = source().lastRun();
        assertThat(warm).isInstanceOf(LastRun.Found.class);
        assertThat(http.callCount() - before).isEqualTo(5);
        assertThat(source().stamp().describe(clock.instant())).isEqualTo("synced 4 min ago");

        clock.advance(Duration.ofMinutes(7)); // past the 10-minute window: one list call, details cached
        source().lastRun();
        assertThat(http.callCount() - before).isEqualTo(6);
    }

    @Test
    void a_cold_coach_answer_fetches_details_of_the_newest_run_only() {
        stubStandardList();
        stubDetails(NEWEST, 200);
        stubDetails(OLDER, 200);
        var coach = new ai.pace42.coach.DeterministicCoach(account -> sources.resolve(account));

        String answer = coach.answer(new ai.pace42.coach.CoachQuestion("a", "Analyze my last run",
                ai.pace42.coach.UnitSystem.METRIC, java.time.ZoneOffset.UTC, clock.instant())).details().orElseThrow();

        assertThat(answer).contains("Heart rate averaged");
        wm.verify(1, getRequestedFor(urlPathEqualTo("/activity-service/activity/" + NEWEST + "/details")));
        wm.verify(0, getRequestedFor(urlPathEqualTo("/activity-service/activity/" + OLDER + "/details")));
        // The older run's summary came from its list item and was not cached as a full run.
        assertThat(source().summary(Long.toString(OLDER)).orElseThrow().samples().isEmpty()).isTrue();
        assertThat(source().load(Long.toString(OLDER)).orElseThrow().samples().size()).isEqualTo(30);
        wm.verify(1, getRequestedFor(urlPathEqualTo("/activity-service/activity/" + OLDER + "/details")));
    }

    @Test
    void when_the_newest_run_fails_to_load_the_answer_is_honest_not_an_older_run() {
        stubStandardList();
        stubDetails(NEWEST, 500);
        stubDetails(OLDER, 200);
        LastRun r = source().lastRun();
        assertThat(r).isInstanceOf(LastRun.Unavailable.class);
        LastRun.Unavailable u = (LastRun.Unavailable) r;
        assertThat(u.problem().code()).isEqualTo(GarminProblemCode.GARMIN_UNAVAILABLE);
        assertThat(u.newestKnown().map(ActivityHeader::id)).contains(Long.toString(NEWEST));
        wm.verify(0, getRequestedFor(urlPathEqualTo("/activity-service/activity/" + OLDER + "/details")));
    }

    @Test
    void when_the_list_cannot_be_refreshed_the_cached_run_is_not_passed_off_as_newest() {
        stubStandardList();
        stubDetails(NEWEST, 200);
        assertThat(source().lastRun()).isInstanceOf(LastRun.Found.class);
        clock.advance(Duration.ofMinutes(30));
        wm.stubFor(get(urlPathEqualTo(LIST)).willReturn(aResponse().withStatus(503)));
        LastRun r = source().lastRun();
        assertThat(r).isInstanceOf(LastRun.Unavailable.class);
        assertThat(((LastRun.Unavailable) r).problem().code()).isEqualTo(GarminProblemCode.GARMIN_UNAVAILABLE);
        assertThat(source().stamp().describe(clock.instant())).isEqualTo("synced 30 min ago");
    }

    @Test
    void list_keeps_every_running_sub_type_drops_rides_and_foreign_owners() {
        String foreign = item(30000000009L, "running", "2026-11-18 07:00:00")
                .replace("\"ownerId\":" + Fixtures.OWNER, "\"ownerId\":424242");
        stubList(item(RIDE, "cycling", "2026-11-19 18:00:00"), item(NEWEST, "street_running", "2026-11-19 07:00:00"),
                foreign, item(OLDER, "treadmill_running", "2026-11-17 07:00:00"));
        List<ActivityHeader> runs = source().list(Instant.parse("2026-11-01T00:00:00Z"), clock.instant());
        assertThat(runs).extracting(ActivityHeader::id).containsExactly(Long.toString(NEWEST), Long.toString(OLDER));
    }

    @Test
    void loading_a_foreign_activity_by_id_is_refused() {
        long id = 30000000077L;
        wm.stubFor(get(urlPathEqualTo("/activity-service/activity/" + id)).willReturn(okJson(
                Fixtures.activityDetail(id).replace("\"userProfileId\":" + Fixtures.OWNER, "\"userProfileId\":5"))));
        stubDetails(id, 200);
        assertThat(source().loadResult(Long.toString(id)).problem().code())
                .isEqualTo(GarminProblemCode.GARMIN_OWNER_MISMATCH);
        assertThat(source().load(Long.toString(id))).isEmpty();
    }

    @Test
    void a_window_longer_than_the_history_is_synced_once_per_freshness_window() {
        stubStandardList();
        Instant yearAgo = clock.instant().minus(Duration.ofDays(365));
        assertThat(source().list(yearAgo, clock.instant())).hasSize(2);
        assertThat(source().list(yearAgo, clock.instant())).hasSize(2);
        wm.verify(1, getRequestedFor(urlPathEqualTo(LIST)));
    }

    @Test
    void a_long_window_pages_back_until_it_is_covered() {
        StringBuilder page0 = new StringBuilder();
        for (int i = 0; i < GarminActivitySource.PAGE_SIZE; i++) {
            page0.append(i == 0 ? "" : ",").append(item(31000000000L + i, "running",
                    "2026-11-" + String.format("%02d", 19 - i % 19) + " 07:00:00"));
        }
        wm.stubFor(get(urlPathEqualTo(LIST)).withQueryParam("start", com.github.tomakehurst.wiremock.client.WireMock
                .equalTo("0")).willReturn(okJson("[" + page0 + "]")));
        wm.stubFor(get(urlPathEqualTo(LIST)).withQueryParam("start", com.github.tomakehurst.wiremock.client.WireMock
                .equalTo("20")).willReturn(okJson("[" + item(OLDER, "running", "2026-09-01 07:00:00") + "]")));
        List<ActivityHeader> runs = source().list(Instant.parse("2026-08-01T00:00:00Z"), clock.instant());
        assertThat(runs).extracting(ActivityHeader::id).contains(Long.toString(OLDER));
        wm.verify(2, getRequestedFor(urlPathEqualTo(LIST)));
    }

    @Test
    void a_manual_run_without_details_still_loads() {
        stubStandardList();
        stubDetails(NEWEST, 404);
        LastRun r = source().lastRun();
        assertThat(r).isInstanceOf(LastRun.Found.class);
        assertThat(((LastRun.Found) r).activity().samples().isEmpty()).isTrue();
    }

    @Test
    void concurrent_requests_share_one_sync() throws Exception {
        wm.stubFor(get(urlPathEqualTo(LIST)).willReturn(okJson("[" + item(NEWEST, "running", "2026-11-19 07:00:00")
                + "]").withFixedDelay(300)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<ActivityHeader>>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> source().list(Instant.EPOCH, clock.instant())));
            }
            for (Future<List<ActivityHeader>> f : futures) {
                assertThat(f.get()).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
        wm.verify(1, getRequestedFor(urlPathEqualTo(LIST)));
    }

    @Test
    void an_unlinked_account_has_no_source_and_unlink_forgets_everything() {
        assertThat(sources.resolve("stranger")).isEmpty();
        store.save("partner", new ai.pace42.garmin.auth.GarminLink(ai.pace42.garmin.auth.GarminIdentity.partner("u-1"),
                new ai.pace42.garmin.auth.GarminTokens(ai.pace42.garmin.auth.GarminTokens.Kind.PARTNER, "p", "r", null,
                        null, "c")));
        assertThat(sources.resolve("partner")).as("partner data is read from the cache, not through connectapi")
                .containsInstanceOf(PartnerActivitySource.class);
        assertThat(sources.garmin("partner")).isEmpty();
        stubStandardList();
        stubDetails(NEWEST, 200);
        GarminActivitySource before = source();
        assertThat(before.lastRun()).isInstanceOf(LastRun.Found.class);
        sources.unlink("a");
        assertThat(sources.resolve("a")).isEmpty();
        assertThat(store.load("a")).isEmpty();
        // Re-linking the same account (say, to another Garmin user) starts from an empty cache.
        link("a", "token-a2", "refresh-a2", Instant.now().plusSeconds(3600));
        wm.resetRequests();
        wm.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(500)));
        assertThat(source()).isNotSameAs(before);
        LastRun after = source().lastRun();
        assertThat(after).isInstanceOf(LastRun.Unavailable.class);
        assertThat(((LastRun.Unavailable) after).newestKnown()).as("the old link's runs are gone").isEmpty();
        assertThat(wm.getAllServeEvents()).isNotEmpty();
    }

    @Test
    void a_rate_limited_list_is_reported_with_its_wait() {
        wm.stubFor(get(urlPathEqualTo(LIST)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));
        LastRun r = source().lastRun();
        assertThat(r).isInstanceOf(LastRun.Unavailable.class);
        var p = ((LastRun.Unavailable) r).problem();
        assertThat(p.code()).isEqualTo(GarminProblemCode.GARMIN_RATE_LIMITED);
        assertThat(p.retryAfter()).contains(Duration.ofSeconds(120));
        // Asking again straight away does not hit Garmin again.
        source().lastRun();
        wm.verify(1, getRequestedFor(urlPathEqualTo(LIST)));
    }
}
