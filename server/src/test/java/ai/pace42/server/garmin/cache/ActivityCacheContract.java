package ai.pace42.server.garmin.cache;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.account.AccountService;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.ActivityHeader;
import ai.pace42.coach.model.SportType;
import ai.pace42.garmin.Fixtures;
import ai.pace42.garmin.GarminConfig;
import ai.pace42.garmin.GarminProblem;
import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.MutableClock;
import ai.pace42.garmin.TestActivities;
import ai.pace42.garmin.api.GarminHttp;
import ai.pace42.garmin.auth.GarminIdentity;
import ai.pace42.garmin.auth.GarminLink;
import ai.pace42.garmin.auth.GarminTokens;
import ai.pace42.garmin.auth.InMemoryTokenStore;
import ai.pace42.garmin.sync.AccountCache;
import ai.pace42.garmin.sync.GarminActivitySources;
import ai.pace42.garmin.sync.LastRun;
import ai.pace42.garmin.sync.SyncStamp;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The database-backed Garmin cache, the same on every database pace42 supports; subclasses supply it. */
abstract class ActivityCacheContract {

    protected abstract Jdbi database();

    private Jdbi jdbi;
    private MutableClock clock;
    private String ada;
    private String bea;

    @BeforeEach
    void setUp() {
        jdbi = database();
        clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
        AccountService accounts = new AccountService(jdbi, clock);
        ada = accounts.resolve(PlatformIdentity.of(Platform.TELEGRAM, "1"), "Ada").id();
        bea = accounts.resolve(PlatformIdentity.of(Platform.TELEGRAM, "2"), "Bea").id();
    }

    private JdbiActivityCache newCache() {
        return new JdbiActivityCache(jdbi, clock);
    }

    private static AccountCache.ListedRun listed(String id, String startUtc) {
        Optional<ZonedDateTime> start = startUtc == null ? Optional.empty()
                : Optional.of(Instant.parse(startUtc).atZone(ZoneOffset.ofHours(1)));
        return new AccountCache.ListedRun(new ActivityHeader(id, "Run " + id, SportType.ROAD, start,
                OptionalDouble.of(1800), OptionalDouble.of(5000)), Fixtures.json("{\"activityId\":" + id + "}"));
    }

    private long rows(String table, String account) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE account_id = :a")
                .bind("a", account).mapTo(Long.class).one());
    }

    private long allRows(String account) {
        return rows("garmin_activities", account) + rows("garmin_listed_runs", account)
                + rows("garmin_sync_state", account);
    }

    private void fill(AccountCache c) {
        c.putListed(List.of(listed("11", "2026-11-18T07:00:00Z"), listed("12", "2026-11-19T07:00:00Z")));
        c.putActivity(TestActivities.twoHourRun());
        c.stamp(SyncStamp.never().succeeded(clock.instant()));
        c.coveredFrom(Instant.parse("2026-06-01T00:00:00Z"));
        c.userSettings(Fixtures.json("{\"userData\":{\"lactateThresholdHeartRate\":171}}"));
    }

    @Test
    void listedRunsComeBackNewestFirstWithTheirListItem() {
        AccountCache c = newCache().account(ada);
        c.putListed(List.of(listed("11", "2026-11-18T07:00:00Z"), listed("13", null),
                listed("12", "2026-11-19T07:00:00Z")));

        assertThat(c.headers()).extracting(ActivityHeader::id).containsExactly("12", "11", "13");
        assertThat(c.headers().get(0).start()).contains(Instant.parse("2026-11-19T07:00:00Z")
                .atZone(ZoneOffset.ofHours(1)));
        assertThat(c.listed("11").orElseThrow().listItem().get("activityId").asLong()).isEqualTo(11);
        assertThat(c.listed("99")).isEmpty();

        c.putListed(List.of(listed("11", "2026-11-18T07:00:00Z"))); // a resync: replaced, not duplicated
        assertThat(rows("garmin_listed_runs", ada)).isEqualTo(3);
    }

    @Test
    void everythingSurvivesANewCacheInstanceExactly() {
        fill(newCache().account(ada));
        Activity original = TestActivities.twoHourRun();

        AccountCache fresh = newCache().account(ada); // as after a restart: empty in-memory front
        Activity back = fresh.activity(original.id()).orElseThrow();
        assertThat(back.samples().heartRate()).containsExactly(original.samples().heartRate());
        assertThat(back.samples().longitude()).containsExactly(original.samples().longitude());
        assertThat(back.start()).isEqualTo(original.start());
        assertThat(back.laps()).isEqualTo(original.laps());
        assertThat(fresh.stamp().lastSuccess()).contains(clock.instant());
        assertThat(fresh.coveredFrom()).isEqualTo(Instant.parse("2026-06-01T00:00:00Z"));
        assertThat(fresh.userSettings().orElseThrow().at("/userData/lactateThresholdHeartRate").asInt())
                .isEqualTo(171);
        assertThat(fresh.headers()).hasSize(2);
    }

    @Test
    void stampsKeepTheirProblemAndCoverageItsEnds() {
        AccountCache c = newCache().account(ada);
        assertThat(c.stamp()).isEqualTo(SyncStamp.never());
        assertThat(c.coveredFrom()).isEqualTo(Instant.MAX);

        SyncStamp failed = SyncStamp.never().succeeded(Instant.parse("2026-11-20T09:00:00Z"))
                .failed(clock.instant(), GarminProblem.of(GarminProblemCode.GARMIN_RATE_LIMITED, "HTTP 429"));
        c.stamp(failed);
        c.coveredFrom(Instant.MIN);

        AccountCache again = newCache().account(ada);
        assertThat(again.stamp().lastSuccess()).contains(Instant.parse("2026-11-20T09:00:00Z"));
        assertThat(again.stamp().lastAttempt()).contains(clock.instant());
        assertThat(again.stamp().lastProblem().orElseThrow().code()).isEqualTo(GarminProblemCode.GARMIN_RATE_LIMITED);
        assertThat(again.coveredFrom()).isEqualTo(Instant.MIN);
        again.coveredFrom(Instant.MAX);
        assertThat(newCache().account(ada).coveredFrom()).isEqualTo(Instant.MAX);
    }

    @Test
    void oneAccountNeverSeesAnothersRows() {
        JdbiActivityCache cache = newCache();
        fill(cache.account(ada));

        AccountCache other = cache.account(bea);
        assertThat(other.headers()).isEmpty();
        assertThat(other.listed("11")).isEmpty();
        assertThat(other.activity("21002003004")).as("not even from the in-memory front").isEmpty();
        assertThat(other.stamp()).isEqualTo(SyncStamp.never());
        assertThat(other.userSettings()).isEmpty();
    }

    @Test
    void evictDeletesTheAccountsRowsAndOnlyThose() {
        JdbiActivityCache cache = newCache();
        fill(cache.account(ada));
        fill(cache.account(bea));
        assertThat(rows("garmin_activities", ada)).isEqualTo(1);
        assertThat(rows("garmin_listed_runs", ada)).isEqualTo(2);
        assertThat(rows("garmin_sync_state", ada)).isEqualTo(1);

        cache.evict(ada);

        assertThat(allRows(ada)).isZero();
        assertThat(cache.account(ada).activity("21002003004")).isEmpty();
        assertThat(allRows(bea)).isEqualTo(4);
    }

    @Test
    void deletingAnAccountDeletesItsCache() {
        fill(newCache().account(ada));

        jdbi.useHandle(h -> h.createUpdate("DELETE FROM accounts WHERE id = :a").bind("a", ada).execute());

        assertThat(allRows(ada)).isZero();
    }

    @Test
    void aWriteTheDatabaseRefusesIsAMissNotAnError() {
        AccountCache ghost = newCache().account("acc_does_not_exist"); // no accounts row: the foreign key refuses

        ghost.putListed(List.of(listed("11", "2026-11-18T07:00:00Z")));
        ghost.stamp(SyncStamp.never().succeeded(clock.instant()));

        assertThat(ghost.headers()).isEmpty();
        assertThat(ghost.stamp()).isEqualTo(SyncStamp.never());
    }

    @Test
    void afterARestartTheLastRunCostsNoGarminCallWithinTheFreshnessWindow() {
        WireMockServer garmin = new WireMockServer(options().dynamicPort());
        garmin.start();
        try {
            long id = 30000000002L;
            garmin.stubFor(get(urlPathEqualTo("/activitylist-service/activities/search/activities"))
                    .willReturn(okJson("[" + Fixtures.listItem(id, "running", 1, "2026-11-19 07:00:00") + "]")));
            garmin.stubFor(get(urlPathEqualTo("/activity-service/activity/" + id + "/details"))
                    .willReturn(okJson(Fixtures.details(id, 600))));
            garmin.stubFor(get(urlPathEqualTo("/userprofile-service/userprofile/user-settings"))
                    .willReturn(okJson("{\"userData\":{\"lactateThresholdHeartRate\":171}}")));
            InMemoryTokenStore tokens = new InMemoryTokenStore();
            tokens.save(ada, new GarminLink(GarminIdentity.of(Fixtures.OWNER, "ada"), new GarminTokens(
                    GarminTokens.Kind.DI, "token-ada", "refresh-ada", Optional.of(Instant.now().plusSeconds(86400)),
                    Optional.empty(), "DI_TEST")));
            GarminHttp http = new GarminHttp(GarminConfig.allAt(garmin.baseUrl()),
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), clock);
            Instant history = clock.instant().minus(Duration.ofDays(180));

            GarminActivitySources before = new GarminActivitySources(http, tokens, newCache(), clock);
            assertThat(before.garmin(ada).orElseThrow().lastRun()).isInstanceOf(LastRun.Found.class);
            before.resolve(ada).orElseThrow().list(history, clock.instant());
            before.resolve(ada).orElseThrow().profile();
            long cold = http.callCount();
            assertThat(cold).as("list page (reaching the end of history), details, laps, weather, HR time in zones, "
                    + "settings").isEqualTo(6);

            clock.advance(Duration.ofMinutes(4));
            GarminActivitySources after = new GarminActivitySources(http, tokens, newCache(), clock);
            LastRun again = after.garmin(ada).orElseThrow().lastRun();
            assertThat(again).isInstanceOf(LastRun.Found.class);
            assertThat(((LastRun.Found) again).activity().samples().size()).isEqualTo(600);
            assertThat(after.resolve(ada).orElseThrow().list(history, clock.instant())).hasSize(1);
            assertThat(after.resolve(ada).orElseThrow().profile().lactateThresholdHeartRate()).isPresent();
            assertThat(http.callCount()).as("no Garmin call after the restart").isEqualTo(cold);
            assertThat(after.garmin(ada).orElseThrow().stamp().describe(clock.instant())).isEqualTo("synced 4 min ago");

            clock.advance(Duration.ofMinutes(7)); // past the window: one list call, the run itself comes from the DB
            after.garmin(ada).orElseThrow().lastRun();
            assertThat(http.callCount()).isEqualTo(cold + 1);
        } finally {
            garmin.stop();
        }
    }
}
