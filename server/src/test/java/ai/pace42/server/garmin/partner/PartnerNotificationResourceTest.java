package ai.pace42.server.garmin.partner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.account.AccountService;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.testing.TestDatabases;
import ai.pace42.garmin.GarminConfig;
import ai.pace42.garmin.api.GarminHttp;
import ai.pace42.garmin.auth.GarminIdentity;
import ai.pace42.garmin.auth.GarminLink;
import ai.pace42.garmin.auth.GarminTokens;
import ai.pace42.garmin.auth.InMemoryTokenStore;
import ai.pace42.garmin.partner.PartnerInbox;
import ai.pace42.garmin.partner.PartnerNotifications;
import ai.pace42.server.garmin.cache.JdbiActivityCache;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Developer Program endpoints as Garmin calls them: the answer comes at once, the work happens on the
 * delivery worker (drained by closing it before asserting), against WireMock standing in for apis.garmin.com.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PartnerNotificationResourceTest {

    private static final String CLIENT_ID = "pace42-partner-client";
    private static final String PATH_SECRET = "0123456789abcdef0123456789abcdef";
    private static final String CALLBACK = "/wellness-api/rest/activities";
    private static final String RUN = """
        {"userId":"garmin-u1","summaryId":"x456","activityId":9876543210,"activityName":"Morning Run",
         "startTimeInSeconds":1767881421,"startTimeOffsetInSeconds":3600,"durationInSeconds":2223,
         "activityType":"RUNNING","averageHeartRateInBeatsPerMinute":142,"distanceInMeters":6261.19}""";

    private final WireMockServer garmin = started();
    private final Jdbi jdbi = TestDatabases.sqlite(tempDir());
    private final String accountId = new AccountService(jdbi, Clock.systemUTC())
            .resolve(PlatformIdentity.of(Platform.TELEGRAM, "77"), "Ada").id();
    private final InMemoryTokenStore tokens = new InMemoryTokenStore();
    private final PartnerDeliveries deliveries = deliveries();
    // No bootstrap logging: it would replace logback's file appender for every later test in this JVM.
    final ResourceExtension resources = ResourceExtension.builder().bootstrapLogging(false)
            .addResource(new PartnerNotificationResource(PathSecret.of(PATH_SECRET).orElseThrow(), CLIENT_ID,
                    parser(), deliveries))
            .build();

    private static WireMockServer started() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        return server;
    }

    private static java.nio.file.Path tempDir() {
        try {
            return Files.createTempDirectory("pace42-partner");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PartnerDeliveries deliveries() {
        tokens.save(accountId, new GarminLink(GarminIdentity.partner("garmin-u1"), new GarminTokens(
                GarminTokens.Kind.PARTNER, "partner-token-1", "partner-refresh-1",
                Optional.of(Instant.now().plusSeconds(3600)), Optional.empty(), CLIENT_ID)));
        JdbiPartnerUsers users = new JdbiPartnerUsers(jdbi, Clock.systemUTC());
        users.remember(accountId, "garmin-u1");
        return restartedDeliveries();
    }

    /** Deliveries whose worker never runs: rows wait in the database until a test drains them. */
    private PartnerDeliveries restartedDeliveries() {
        GarminHttp http = new GarminHttp(GarminConfig.allAt(garmin.baseUrl()),
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), Clock.systemUTC());
        PartnerInbox inbox = new PartnerInbox(http, tokens, new JdbiActivityCache(jdbi, Clock.systemUTC()),
                new JdbiPartnerUsers(jdbi, Clock.systemUTC()));
        ScheduledExecutorService stopped = Executors.newSingleThreadScheduledExecutor();
        stopped.shutdown();
        return new PartnerDeliveries(inbox, parser(), new JdbiPartnerQueue(jdbi, Clock.systemUTC()), stopped);
    }

    private PartnerNotifications parser() {
        return new PartnerNotifications(GarminConfig.allAt(garmin.baseUrl()).apisUrl());
    }

    @AfterEach
    void stop() {
        deliveries.close();
        garmin.stop();
    }

    private Response post(String path, String body) {
        return resources.target("/garmin/partner/" + PATH_SECRET + "/" + path).request()
                .header("garmin-client-id", CLIENT_ID)
                .post(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE));
    }

    private String ping(String userId, String token) {
        return "{\"activities\":[{\"userId\":\"" + userId + "\",\"callbackURL\":\"" + garmin.baseUrl() + CALLBACK
                + "?uploadStartTimeInSeconds=1767880000&uploadEndTimeInSeconds=1767890000&token=" + token + "\"}]}";
    }

    private long activityRows() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM garmin_activities WHERE account_id = :a")
                .bind("a", accountId).mapTo(Long.class).one());
    }

    private long count(String table) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    private static JsonNode error(Response r) throws IOException {
        return new ObjectMapper().readTree(r.readEntity(String.class)).path("error");
    }

    @Test
    void aPingIsAnsweredAtOnceAndItsCallbackFetchedWithThatUsersToken() {
        garmin.stubFor(get(urlPathEqualTo(CALLBACK)).willReturn(okJson("[" + RUN + "]")));

        assertThat(post("ping", ping("garmin-u1", "cb-1")).getStatus()).isEqualTo(200);
        deliveries.drain();

        garmin.verify(1, getRequestedFor(urlPathEqualTo(CALLBACK)).withQueryParam("token", equalTo("cb-1"))
                .withHeader("Authorization", equalTo("Bearer partner-token-1")));
        assertThat(activityRows()).isEqualTo(1);
    }

    @Test
    void aDeliveryRepeatedByGarminStoresTheRunOnce() {
        garmin.stubFor(get(urlPathEqualTo(CALLBACK)).willReturn(okJson("[" + RUN + "]")));

        assertThat(post("ping", ping("garmin-u1", "cb-1")).getStatus()).isEqualTo(200);
        assertThat(post("ping", ping("garmin-u1", "cb-1")).getStatus()).isEqualTo(200);
        assertThat(post("push", "{\"activities\":[" + RUN + "]}").getStatus()).isEqualTo(200);
        deliveries.drain();

        assertThat(activityRows()).isEqualTo(1);
        assertThat(count("garmin_listed_runs")).isEqualTo(1);
    }

    @Test
    void anUnknownUserIsAcknowledgedAndIgnoredWithoutAskingGarmin() {
        garmin.stubFor(get(anyUrl()).willReturn(okJson("[" + RUN.replace("garmin-u1", "someone-else") + "]")));

        assertThat(post("ping", ping("someone-else", "cb-2")).getStatus()).isEqualTo(200);
        assertThat(post("push", "{\"activities\":[" + RUN.replace("garmin-u1", "someone-else") + "]}")
                .getStatus()).isEqualTo(200);
        deliveries.drain();

        garmin.verify(0, anyRequestedFor(anyUrl()));
        assertThat(count("garmin_activities")).isZero();
        assertThat(count("garmin_partner_notifications")).as("nothing filed, not even for later").isZero();
    }

    @Test
    void malformedBodiesAre400InThePace42ErrorShape() throws IOException {
        for (String bad : new String[] {"", "not json", "[1,2]", "<html><body>oops</body></html>", "{\"activities\":"}) {
            Response r = post("ping", bad);
            assertThat(r.getStatus()).as(bad).isEqualTo(400);
            JsonNode e = error(r);
            assertThat(e.path("code").asText()).isEqualTo("VALIDATION_ERROR");
            assertThat(e.path("message").asText()).isNotBlank();
            assertThat(e.has("requestId")).isTrue();
        }
        assertThat(post("push", "{\"activities\":[1,").getStatus()).isEqualTo(400);
    }

    @Test
    void aCallbackErrorFromGarminIsNeverPassedOnAsA500() {
        garmin.stubFor(get(urlPathEqualTo(CALLBACK)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "text/plain").withBody("Internal Server Error")));

        assertThat(post("ping", ping("garmin-u1", "cb-3")).getStatus()).isEqualTo(200);
        deliveries.drain();

        assertThat(activityRows()).isZero();
        // Kept for a later attempt: acknowledged to Garmin, so it must not be lost.
        java.util.List<Integer> attempts = jdbi.withHandle(h -> h.createQuery(
                "SELECT attempts FROM garmin_partner_notifications").mapTo(Integer.class).list());
        assertThat(attempts).containsExactly(1);
    }

    @Test
    void aCallerWithoutOurClientIdIsRefused() throws IOException {
        Response none = resources.target("/garmin/partner/" + PATH_SECRET + "/ping").request()
                .post(Entity.entity(ping("garmin-u1", "cb-4"), MediaType.APPLICATION_JSON_TYPE));
        assertThat(none.getStatus()).isEqualTo(403);
        assertThat(error(none).path("code").asText()).isEqualTo("FORBIDDEN");
        Response other = resources.target("/garmin/partner/" + PATH_SECRET + "/push").request().header("garmin-client-id", "other-app")
                .post(Entity.entity("{\"activities\":[" + RUN + "]}", MediaType.APPLICATION_JSON_TYPE));
        assertThat(other.getStatus()).isEqualTo(403);
        deliveries.drain();
        assertThat(activityRows()).isZero();
    }

    @Test
    void bodiesOverTheLimitAreRefusedWith413() throws IOException {
        String huge = "{\"activities\":[],\"pad\":\"" + "x".repeat(PartnerNotificationResource.MAX_PING_BYTES) + "\"}";

        Response r = post("ping", huge);

        assertThat(r.getStatus()).isEqualTo(413);
        assertThat(error(r).path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void aWrongOrMissingPathSecretIs404AndNothingIsRead() {
        for (String path : new String[] {"/garmin/partner/ping", "/garmin/partner/" + PATH_SECRET.replace('0', '1')
                + "/push", "/garmin/partner/" + PATH_SECRET.substring(1) + "/push"}) {
            Response r = resources.target(path).request().header("garmin-client-id", CLIENT_ID)
                    .post(Entity.entity("{\"activities\":[" + RUN + "]}", MediaType.APPLICATION_JSON_TYPE));
            assertThat(r.getStatus()).as(path).isEqualTo(404);
        }
        deliveries.drain();
        assertThat(count("garmin_partner_notifications")).isZero();
        assertThat(activityRows()).isZero();
    }

    @Test
    void anAcknowledgedPushIsStoredBeforeTheAnswerAndFiledAfterARestart() {
        assertThat(post("push", "{\"activities\":[" + RUN + "]}").getStatus()).isEqualTo(200);

        // The worker never ran (as if the process died right after answering): the row is there.
        assertThat(count("garmin_partner_notifications")).isEqualTo(1);
        assertThat(activityRows()).isZero();

        restartedDeliveries().drain();

        assertThat(activityRows()).isEqualTo(1);
        assertThat(count("garmin_partner_notifications")).isZero();
    }

    @Test
    void aPushForAUserWhoseStoredLinkDisagreesIsNotAccepted() {
        // The mapping still says garmin-u1, but the account was re-linked to another Garmin user.
        tokens.save(accountId, new GarminLink(GarminIdentity.partner("garmin-u2"), new GarminTokens(
                GarminTokens.Kind.PARTNER, "partner-token-2", "partner-refresh-2",
                Optional.of(Instant.now().plusSeconds(3600)), Optional.empty(), CLIENT_ID)));

        assertThat(post("push", "{\"activities\":[" + RUN + "]}").getStatus()).isEqualTo(200);
        deliveries.drain();

        assertThat(count("garmin_partner_notifications")).isZero();
        assertThat(activityRows()).isZero();
    }
}
