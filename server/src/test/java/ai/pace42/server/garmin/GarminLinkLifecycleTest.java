package ai.pace42.server.garmin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.BotCore;
import ai.pace42.bot.channel.ConversationRef;
import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.commands.LinkCommand;
import ai.pace42.bot.commands.UnlinkCommand;
import ai.pace42.bot.conversation.FileAnalysis;
import ai.pace42.bot.secrets.LocalSecretStore;
import ai.pace42.bot.security.RandomTokens;
import ai.pace42.bot.testing.MutableClock;
import ai.pace42.bot.testing.TestDatabases;
import ai.pace42.bot.testing.TestSecretStores;
import ai.pace42.coach.DeterministicCoach;
import ai.pace42.garmin.Fixtures;
import ai.pace42.garmin.auth.GarminIdentity;
import ai.pace42.garmin.auth.GarminLink;
import ai.pace42.garmin.auth.GarminTokens;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Linking, /status, a restart and /unlink through the real core and the server's Garmin wiring, on a database:
 * what the runner sees and what rows are left behind.
 */
class GarminLinkLifecycleTest {

    private static final PlatformIdentity ADA = PlatformIdentity.of(Platform.TELEGRAM, "4242");
    private static final long ACTIVITY = 9_100_001L;

    @TempDir
    Path dir;

    private final WireMockServer garmin = new WireMockServer(options().dynamicPort());
    private Jdbi jdbi;
    private LocalSecretStore secrets;
    private MutableClock clock;
    private GarminWiring wiring;
    private BotCore core;

    @BeforeEach
    void setUp() {
        garmin.start();
        LocalDateTime start = LocalDateTime.now(ZoneOffset.UTC).minusDays(1).withHour(7).withMinute(0).withSecond(0)
                .withNano(0);
        garmin.stubFor(get(urlPathEqualTo("/activitylist-service/activities/search/activities")).willReturn(okJson(
                "[" + Fixtures.listItem(ACTIVITY, "running", 1,
                        start.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"))) + "]")));
        garmin.stubFor(get(urlPathEqualTo("/activity-service/activity/" + ACTIVITY + "/details"))
                .willReturn(okJson(Fixtures.details(ACTIVITY, 1800))));
        garmin.stubFor(get(urlPathEqualTo("/userprofile-service/userprofile/user-settings"))
                .willReturn(okJson("{\"userData\":{\"lactateThresholdHeartRate\":171}}")));
        jdbi = TestDatabases.sqlite(dir);
        secrets = TestSecretStores.local(jdbi, dir);
        clock = new MutableClock(Instant.now());
        start();
    }

    /** (Re)starts the server side: new wiring, cache front and core over the same database and secrets. */
    private void start() {
        if (core != null) {
            core.close();
        }
        wiring = GarminWiring.create(Map.of("GARMIN_CONNECTAPI_URL", garmin.baseUrl(),
                "GARMIN_DIAUTH_URL", garmin.baseUrl(), "GARMIN_APIS_URL", garmin.baseUrl()), secrets, jdbi,
                java.net.URI.create("http://localhost:8080"), clock);
        core = BotCore.create(jdbi, DeterministicCoach::new, secrets, wiring.linkedSource(), FileAnalysis.none(),
                BotCore.Settings.defaults(), clock);
    }

    @AfterEach
    void tearDown() {
        core.close();
        garmin.stop();
    }

    private String say(String text) throws Exception {
        return core.dispatcher().onInbound(Inbound.directText(ADA, text, "r-" + text.hashCode()))
                .get(30, TimeUnit.SECONDS).plainText();
    }

    private String link(GarminLink link) throws Exception {
        return linkSecret(link.identity().label(), GarminLinkCodec.encode(link));
    }

    /** What the page does when Garmin accepted, then the code typed into the chat. */
    private String linkSecret(String garminName, String secretJson) throws Exception {
        say("/status");
        String accountId = core.accounts().find(ADA).orElseThrow().id();
        String token = core.links().issue(LinkCommand.PURPOSE, ADA, ConversationRef.direct(ADA), accountId, "Ada")
                .token();
        String code = core.garminLinking().complete(token, garminName, secretJson, "r1").orElseThrow().code();
        assertThat(say("/link confirm " + code)).startsWith("Garmin connected as ");
        return accountId;
    }

    private static GarminLink official(String partnerUser, String token) {
        return new GarminLink(GarminIdentity.partner(partnerUser), new GarminTokens(GarminTokens.Kind.PARTNER, token,
                "refresh-" + token, Optional.empty(), Optional.empty(), "pace42-test"));
    }

    private static GarminLink connectLink() {
        return new GarminLink(new GarminIdentity(Fixtures.OWNER, "ada-a", "Ada Alpha"), new GarminTokens(
                GarminTokens.Kind.DI, "tok-ada", "r-ada", Optional.of(Instant.now().plusSeconds(86400)),
                Optional.empty(), "DI_TEST"));
    }

    private long rows(String table, String accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE account_id = :a")
                .bind("a", accountId).mapTo(Long.class).one());
    }

    private long cacheRows(String accountId) {
        return rows("garmin_activities", accountId) + rows("garmin_listed_runs", accountId)
                + rows("garmin_sync_state", accountId);
    }

    @Test
    void statusShowsTheLinkAndLastSync_aRestartCostsNoCall_andUnlinkDeletesTheRows() throws Exception {
        String accountId = link(connectLink());
        assertThat(say("/status")).contains("**Data:** Garmin — connected as Ada Alpha · synced just now");

        String answer = say("Analyze my last run");
        assertThat(answer).contains("bpm");
        assertThat(rows("garmin_activities", accountId)).isEqualTo(1);
        assertThat(rows("garmin_listed_runs", accountId)).isEqualTo(1);

        clock.advance(Duration.ofMinutes(4));
        assertThat(say("/status")).contains("connected as Ada Alpha · synced 4 min ago");

        int callsBefore = garmin.getAllServeEvents().size();
        start();
        assertThat(say("Analyze my last run")).contains("bpm");
        assertThat(garmin.getAllServeEvents()).as("answered from the database after the restart")
                .hasSize(callsBefore);

        assertThat(say("/unlink confirm")).contains("disconnected");
        assertThat(cacheRows(accountId)).isZero();
        assertThat(secrets.get(accountId, UnlinkCommand.GARMIN_SECRET)).isEmpty();
        assertThat(say("/status")).doesNotContain("Ada Alpha");
    }

    @Test
    void aFreshLinkSyncsAndAnalysesBeforeTheFirstQuestion() throws Exception {
        link(connectLink());

        // /status queues behind the warm-up in the account's own queue, so by its answer the warm-up has run.
        assertThat(say("/status")).contains("connected as Ada Alpha · synced just now");
        garmin.verify(1, getRequestedFor(urlPathEqualTo("/activity-service/activity/" + ACTIVITY + "/details")));
        int afterWarmUp = garmin.getAllServeEvents().size();

        assertThat(say("Analyze my last run")).contains("bpm");
        assertThat(garmin.getAllServeEvents()).as("the first question costs no Garmin call").hasSize(afterWarmUp);
    }

    @Test
    void aStoredLinkThisVersionCannotReadFailsNeitherLinkNorStatusNorUnlink() throws Exception {
        linkSecret("Ada", "{\"written\":\"by a newer version\"}");

        assertThat(say("/status")).contains("**Data:** Garmin (/unlink to disconnect)");
        assertThat(say("/unlink confirm")).contains("disconnected");
    }

    @Test
    void forgetDeletesTheCacheRowsOfThatAccount() throws Exception {
        String accountId = link(connectLink());
        say("Analyze my last run");
        assertThat(cacheRows(accountId)).isEqualTo(3);

        wiring.linkedSource().forget(accountId);

        assertThat(cacheRows(accountId)).isZero();
    }

    @Test
    void anOfficialLinkIsFoundByItsHashedPartnerUserIdUntilUnlinked() throws Exception {
        String accountId = link(official("garmin-user-77", "partner-token"));

        String stored = jdbi.withHandle(h -> h.createQuery(
                "SELECT user_hash FROM garmin_partner_users WHERE account_id = :a")
                .bind("a", accountId).mapTo(String.class).one());
        assertThat(stored).isEqualTo(RandomTokens.sha256Hex("garmin-user-77"));
        assertThat(say("/status")).contains("connected as Garmin user garmin-user-77 · not synced yet");
        assertThat(say("Analyze my last run")).doesNotContain("bpm"); // nothing delivered yet, and no connectapi call
        garmin.verify(0, anyRequestedFor(anyUrl()));

        say("/unlink confirm");
        assertThat(rows("garmin_partner_users", accountId)).isZero();
    }

    @Test
    void relinkingToAnotherGarminUserDeregistersTheOldTokenAtGarmin() throws Exception {
        garmin.stubFor(delete(urlPathEqualTo("/partner-gateway/rest/user/registration"))
                .willReturn(aResponse().withStatus(204)));
        String accountId = link(official("garmin-user-77", "old-token"));

        link(official("garmin-user-88", "new-token"));

        garmin.verify(1, deleteRequestedFor(urlPathEqualTo("/partner-gateway/rest/user/registration"))
                .withHeader("Authorization", equalTo("Bearer old-token")));
        garmin.verify(0, deleteRequestedFor(urlPathEqualTo("/partner-gateway/rest/user/registration"))
                .withHeader("Authorization", equalTo("Bearer new-token")));
        assertThat(secrets.get(accountId, UnlinkCommand.GARMIN_SECRET).orElseThrow()).contains("new-token")
                .doesNotContain("old-token");
    }

    @Test
    void relinkingTheSameGarminUserKeepsItsRegistration() throws Exception {
        garmin.stubFor(delete(urlPathEqualTo("/partner-gateway/rest/user/registration"))
                .willReturn(aResponse().withStatus(204)));
        link(official("garmin-user-77", "old-token"));

        link(official("garmin-user-77", "new-token"));

        // Deregistering is per Garmin user: doing it for the old token would end the new link as well.
        garmin.verify(0, deleteRequestedFor(urlPathEqualTo("/partner-gateway/rest/user/registration")));
    }
}
