package ai.pace42.garmin.partner;

import ai.pace42.coach.model.ActivityHeader;
import ai.pace42.garmin.Fixtures;
import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.GarminWireMock;
import ai.pace42.garmin.api.GarminHttp;
import ai.pace42.garmin.auth.GarminIdentity;
import ai.pace42.garmin.auth.GarminLink;
import ai.pace42.garmin.auth.GarminTokens;
import ai.pace42.garmin.sync.GarminActivitySources;
import ai.pace42.garmin.sync.InMemoryActivityCache;
import ai.pace42.garmin.sync.PartnerActivitySource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class PartnerInboxTest extends GarminWireMock {

    private static final String CALLBACK = "/wellness-api/rest/activities";
    private static final String RUN = """
        {"userId":"u-1","summaryId":"x456","activityId":9876543210,"activityName":"Morning Run",
         "startTimeInSeconds":1767881421,"startTimeOffsetInSeconds":3600,"durationInSeconds":2223,
         "activityType":"RUNNING","averageHeartRateInBeatsPerMinute":142,"distanceInMeters":6261.19}""";
    private static final String RIDE = """
        {"userId":"u-1","summaryId":"x457","activityId":9876543211,"startTimeInSeconds":1767891421,
         "durationInSeconds":3600,"activityType":"CYCLING","distanceInMeters":30000}""";

    private InMemoryActivityCache cache;
    private PartnerInbox inbox;
    private PartnerNotifications notifications;
    private GarminActivitySources sources;
    private final Map<String, String> users = new java.util.HashMap<>(Map.of("u-1", "acc-1", "u-9", "acc-9"));

    @BeforeEach
    void setUp() {
        GarminHttp http = new GarminHttp(config, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                Clock.systemUTC());
        cache = new InMemoryActivityCache();
        store.save("acc-1", new GarminLink(GarminIdentity.partner("u-1"), new GarminTokens(GarminTokens.Kind.PARTNER,
                "partner-token-1", "partner-refresh-1", Optional.of(Instant.now().plusSeconds(3600)), Optional.empty(),
                "pace42-test")));
        inbox = new PartnerInbox(http, store, cache, id -> Optional.ofNullable(users.get(id)));
        notifications = new PartnerNotifications(config.apisUrl());
        sources = new GarminActivitySources(http, store, cache, Clock.systemUTC());
    }

    private PartnerPing ping(String userId, String token) {
        String body = "{\"activities\":[{\"userId\":\"" + userId + "\",\"callbackURL\":\"" + wm.baseUrl() + CALLBACK
                + "?uploadStartTimeInSeconds=1767880000&uploadEndTimeInSeconds=1767890000&token=" + token + "\"}]}";
        return notifications.parsePing(body).value().get(0);
    }

    private List<ActivityHeader> runsOf(String account) {
        return sources.resolve(account).orElseThrow().list(Instant.EPOCH, Instant.now());
    }

    @Test
    void a_ping_fetches_the_callback_with_that_users_token_and_files_the_runs() {
        wm.stubFor(get(urlPathEqualTo(CALLBACK)).willReturn(okJson("[" + RUN + "," + RIDE + "]")));

        PartnerInbox.Outcome o = inbox.ping(ping("u-1", "cb-1"));

        assertThat(o.status()).isEqualTo(PartnerInbox.Status.STORED);
        assertThat(o.stored()).isEqualTo(1);
        wm.verify(1, getRequestedFor(urlPathEqualTo(CALLBACK)).withQueryParam("token", equalTo("cb-1"))
                .withHeader("Authorization", equalTo("Bearer partner-token-1")));
        assertThat(sources.resolve("acc-1")).containsInstanceOf(PartnerActivitySource.class);
        assertThat(runsOf("acc-1")).extracting(ActivityHeader::id).containsExactly("9876543210");
        assertThat(sources.resolve("acc-1").orElseThrow().load("9876543210").orElseThrow().distanceM())
                .hasValue(6261.19);
        assertThat(cache.account("acc-1").stamp().lastSuccess()).isPresent();
    }

    @Test
    void an_official_link_says_how_fresh_its_data_is_from_garmins_last_delivery() {
        wm.stubFor(get(urlPathEqualTo(CALLBACK)).willReturn(okJson("[" + RUN + "]")));
        assertThat(sources.resolve("acc-1").orElseThrow().refreshedAt()).as("nothing delivered yet").isEmpty();
        Instant before = Instant.now();

        inbox.ping(ping("u-1", "cb-1"));

        assertThat(sources.resolve("acc-1").orElseThrow().refreshedAt()).hasValueSatisfying(
                at -> assertThat(at).isBetween(before, Instant.now()));
    }

    @Test
    void the_same_notification_twice_files_the_run_once() {
        wm.stubFor(get(urlPathEqualTo(CALLBACK)).willReturn(okJson("[" + RUN + "]")));
        inbox.ping(ping("u-1", "cb-1"));
        inbox.ping(ping("u-1", "cb-1"));
        inbox.push(notifications.parsePush("{\"activities\":[" + RUN + "]}").value().get(0));

        assertThat(runsOf("acc-1")).hasSize(1);
    }

    @Test
    void unknown_users_and_stale_mappings_are_ignored_without_asking_garmin() {
        wm.stubFor(get(anyUrl()).willReturn(okJson("[" + RUN + "]")));

        assertThat(inbox.ping(ping("u-unknown", "cb-2")).status()).isEqualTo(PartnerInbox.Status.UNKNOWN_USER);
        // u-9 maps to acc-9, but acc-9 holds no partner link for u-9 (e.g. re-linked elsewhere): ignored too.
        assertThat(inbox.ping(ping("u-9", "cb-3")).status()).isEqualTo(PartnerInbox.Status.UNKNOWN_USER);
        wm.verify(0, anyRequestedFor(anyUrl()));
        assertThat(cache.account("acc-9").headers()).isEmpty();
    }

    @Test
    void summary_types_without_runs_are_acknowledged_and_not_fetched() {
        String body = "{\"dailies\":[{\"userId\":\"u-1\",\"callbackURL\":\"" + wm.baseUrl()
                + "/wellness-api/rest/dailies?token=d\"}]}";
        PartnerPing daily = notifications.parsePing(body).value().get(0);

        assertThat(inbox.ping(daily).status()).isEqualTo(PartnerInbox.Status.IGNORED_TYPE);
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void a_callback_that_fails_is_a_typed_problem_and_files_nothing() {
        wm.stubFor(get(urlPathEqualTo(CALLBACK)).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Service Unavailable</body></html>")));
        PartnerInbox.Outcome failed = inbox.ping(ping("u-1", "cb-4"));
        assertThat(failed.status()).isEqualTo(PartnerInbox.Status.FAILED);
        assertThat(failed.problem().orElseThrow().code()).isEqualTo(GarminProblemCode.GARMIN_UNAVAILABLE);

        wm.stubFor(get(urlPathEqualTo(CALLBACK)).willReturn(okJson("{\"errorMessage\":\"Invalid token\"}")));
        assertThat(inbox.ping(ping("u-1", "cb-5")).problem().orElseThrow().code())
                .isEqualTo(GarminProblemCode.GARMIN_BAD_DATA);
        assertThat(cache.account("acc-1").headers()).isEmpty();
        assertThat(cache.account("acc-1").stamp().lastProblem()).isPresent();
    }

    @Test
    void a_pushed_summary_is_filed_and_a_summary_for_another_user_is_not() {
        PartnerPush mine = notifications.parsePush("{\"activities\":[" + RUN + "]}").value().get(0);
        assertThat(inbox.push(mine).stored()).isEqualTo(1);

        // Garmin's activityDetails nest the summary; the ids sit beside it.
        String details = "{\"activityDetails\":[{\"userId\":\"u-1\",\"summaryId\":\"x999\",\"activityId\":555,"
                + "\"summary\":{\"activityType\":\"TRAIL_RUNNING\",\"startTimeInSeconds\":1767981421,"
                + "\"durationInSeconds\":3000,\"distanceInMeters\":8000}}]}";
        assertThat(inbox.push(notifications.parsePush(details).value().get(0)).stored()).isEqualTo(1);

        String foreign = RUN.replace("\"userId\":\"u-1\"", "\"userId\":\"u-1\",\"x\":0").replace("9876543210", "42");
        PartnerPush claimed = new PartnerPush("activities", "u-1",
                Fixtures.json(foreign.replace("\"userId\":\"u-1\"", "\"userId\":\"u-2\"")));
        assertThat(inbox.push(claimed).stored()).as("owner mismatch").isZero();

        assertThat(runsOf("acc-1")).extracting(ActivityHeader::id).containsExactly("555", "9876543210");
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void push_bodies_that_are_not_notifications_are_typed_problems() {
        assertThat(notifications.parsePush("").isOk()).isFalse();
        assertThat(notifications.parsePush("[]").problem().code()).isEqualTo(GarminProblemCode.GARMIN_BAD_DATA);
        assertThat(notifications.parsePush("<html>502</html>").isOk()).isFalse();
        assertThat(notifications.parsePush("{\"activities\":[{\"no\":\"user\"}, 7]}").value()).isEmpty();
    }
}
