package ai.pace42.server.ops;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.testing.TestDatabases;
import ai.pace42.garmin.Fixtures;
import ai.pace42.garmin.GarminWireMock;
import ai.pace42.server.ChatClient;
import ai.pace42.server.Pace42Application;
import ai.pace42.server.Pace42Configuration;
import ai.pace42.server.TestServers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two server instances on one PostgreSQL database and one secret-store key, as behind a load balancer, with
 * Telegram, Slack and Discord in webhook mode and Garmin, every platform a WireMock following its contract.
 * Deliveries spread over both (a platform's retry may reach the other instance) are answered exactly once; a
 * Garmin link and a /connect started on one instance finish on the other; a Garmin token refresh racing on both
 * leaves a working token.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SeveralInstancesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TELEGRAM_SECRET = "several_Instances-secret";
    private static final String SLACK_SECRET = "several-instances-signing-secret-0123";
    private static final String SLACK_TOKEN = "xoxb-several-instances-bot-token";
    private static final KeyPair DISCORD = ed25519();
    private static final String DISCORD_APP = "1100000000000000002";
    private static final String PASSWORD = "several instances password";
    private static final long ACTIVITY = 9_300_003L;
    /** Garmin's first access token expires within the client's refresh margin: the next use refreshes it. */
    private static final ShiftedClock CLOCK = new ShiftedClock();
    private static final String EXPIRING = GarminWireMock.jwt(Instant.now().plusSeconds(3600), "DI_SEVERAL");
    private static final String REFRESHED = GarminWireMock.jwt(Instant.now().plusSeconds(20 * 3600), "DI_SEVERAL");
    private static final WireMockServer PLATFORMS = platforms();
    private static final String DATABASE = TestDatabases.postgresUrl();
    private static final String KEY = Base64.getEncoder().encodeToString(new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
        30, 31, 32});

    static final DropwizardAppExtension<Pace42Configuration> A = instance("a");
    static final DropwizardAppExtension<Pace42Configuration> B = instance("b");

    private static DropwizardAppExtension<Pace42Configuration> instance(String prefix) {
        String platforms = "http://127.0.0.1:" + PLATFORMS.port();
        java.util.Map<String, String> c = new java.util.LinkedHashMap<>();
        c.put("database.url", DATABASE);
        c.put("database.user", "postgres");
        c.put("secrets.key", KEY);
        c.put("telegram.token", "7000000002:AAFakeTokenForTestsOnly_severalinst");
        c.put("telegram.apiUrl", platforms);
        c.put("telegram.mode", "webhook");
        c.put("telegram.webhookSecret", TELEGRAM_SECRET);
        c.put("slack.botToken", SLACK_TOKEN);
        c.put("slack.signingSecret", SLACK_SECRET);
        c.put("slack.apiUrl", platforms + "/api/");
        c.put("discord.publicKey", discordPublicKey());
        c.put("discord.apiUrl", platforms + "/api/v10/");
        for (String host : List.of("GARMIN_CONNECTAPI_URL", "GARMIN_SSO_URL", "GARMIN_DIAUTH_URL", "GARMIN_APIS_URL",
                "GARMIN_CONNECT_URL")) {
            c.put("garmin." + host, platforms);
        }
        // The shipped config on random ports; database.url above replaces its SQLite default with the shared
        // database. Each instance has its own property prefix, so nothing of it outlives the test.
        return TestServers.sqliteUnderPrefix(prefix, Instance.class, c);
    }

    /** The system clock plus a shift the test can add to, e.g. to let an access token expire. */
    static final class ShiftedClock extends Clock {
        private volatile Duration shift = Duration.ZERO;

        void advance(Duration by) {
            shift = shift.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(shift);
        }
    }

    /** Both instances read one clock, so the test can let Garmin's access token come due on both at once. */
    public static class Instance extends Pace42Application {
        @Override
        protected Clock clock() {
            return CLOCK;
        }
    }

    @AfterAll
    static void stopPlatforms() {
        PLATFORMS.stop();
    }

    // --- deliveries -------------------------------------------------------------------------------------------------

    @Test
    void telegramUpdatesDeliveredToBothInstancesAreAnsweredOnce() throws Exception {
        List<CompletableFuture<Integer>> posts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String update = telegramUpdate(912_350_000 + i, 640_000_000 + i, "/units mi");
            // Telegram retries a delivery it saw no answer to; the balancer may send the retry to the other one.
            posts.add(async(() -> telegram(A, update)));
            posts.add(async(() -> telegram(B, update)));
        }
        assertThat(posts.stream().map(CompletableFuture::join)).containsOnly(200);

        for (int i = 0; i < 4; i++) {
            long chat = 640_000_000 + i;
            // A later update to the same chat, answered after the first: any duplicate of it would be there too.
            assertThat(telegram(i % 2 == 0 ? A : B, telegramUpdate(912_351_000 + i, chat, "/status"))).isEqualTo(200);
            awaitCount(() -> telegramTexts(chat).size(), 2);
            assertThat(telegramTexts(chat)).as("chat %d", chat).hasSize(2)
                    .satisfiesExactlyInAnyOrder(t -> assertThat(t).containsIgnoringCase("miles"),
                            t -> assertThat(t).contains("Units:"));
        }
    }

    @Test
    void slackEventsAndTheirRetriesOnTheOtherInstanceAreAnsweredOnce() throws Exception {
        List<CompletableFuture<Integer>> posts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String event = slackDm("EvSEVERAL" + i, "U0SEVERAL" + i, "D0SEVERAL" + i, "help");
            posts.add(async(() -> slack(A, event, Map.of())));
            posts.add(async(() -> slack(B, event, Map.of("X-Slack-Retry-Num", "1",
                    "X-Slack-Retry-Reason", "http_timeout"))));
        }
        assertThat(posts.stream().map(CompletableFuture::join)).containsOnly(200);

        for (int i = 0; i < 3; i++) {
            String channel = "D0SEVERAL" + i;
            assertThat(slack(i % 2 == 0 ? B : A, slackDm("EvSEVERALLATER" + i, "U0SEVERAL" + i, channel,
                    "/status"), Map.of())).isEqualTo(200);
            awaitCount(() -> slackPosts(channel).size(), 2);
            assertThat(slackPosts(channel)).as("channel %s", channel).hasSize(2);
        }
    }

    @Test
    void discordInteractionsSpreadOverBothAreEachCompletedOnce() throws Exception {
        List<List<CompletableFuture<Integer>>> pairs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String interaction = discordUnits("13100000000000002" + i, "token-several-" + i);
            // The same interaction reaching both instances: one takes it, the other refuses the repeat.
            pairs.add(List.of(async(() -> discord(A, interaction)), async(() -> discord(B, interaction))));
        }
        for (List<CompletableFuture<Integer>> pair : pairs) {
            assertThat(pair.stream().map(CompletableFuture::join)).containsExactlyInAnyOrder(200, 409);
        }

        for (int i = 0; i < 4; i++) {
            String token = "token-several-" + i;
            awaitCount(() -> discordEdits(token).size(), 1);
        }
        // Every interaction was answered; a second, later interaction shows no late duplicate edit is pending.
        String later = "token-several-later";
        assertThat(discord(B, discordUnits("1310000000000000299", later))).isEqualTo(200);
        awaitCount(() -> discordEdits(later).size(), 1);
        for (int i = 0; i < 4; i++) {
            assertThat(discordEdits("token-several-" + i)).as("edits of interaction %d", i).hasSize(1);
        }
    }

    // --- one person, two instances ---------------------------------------------------------------------------------

    @Test
    void connectStartedOnOneInstanceFinishesOnTheOther() throws Exception {
        CookieManager browser = new CookieManager();
        ChatClient onA = new ChatClient(A.getLocalPort(), browser);
        ChatClient onB = new ChatClient(B.getLocalPort(), browser);
        long chat = 650_000_001L;
        onA.say("/units mi");
        String code = after("/connect ", onA.say("/connect").text());

        assertThat(telegram(B, telegramUpdate(912_360_001, chat, "/connect " + code))).isEqualTo(200);
        awaitCount(() -> telegramTexts(chat).size(), 1);
        String telegramCode = sixDigits(telegramTexts(chat).get(0));
        String browserCode = sixDigits(onB.say("/connect").text()); // the request waits for the browser here
        assertThat(onB.say("/connect confirm " + browserCode).text()).startsWith("Confirmed here");
        assertThat(telegram(A, telegramUpdate(912_360_002, chat, "/connect confirm " + telegramCode))).isEqualTo(200);
        awaitCount(() -> telegramTexts(chat).size(), 2);

        assertThat(telegramTexts(chat).get(1)).contains("now share one pace42 account");
        assertThat(onB.say("/status").text()).contains("Telegram").contains("**Units:** mi");
    }

    /**
     * The link is asked for on A, its page opened on B and submitted on A, the code confirmed on B. Then both
     * instances answer at once with a Garmin access token that is due for refresh: whichever refreshes first
     * rotates the refresh token, the other must adopt the stored one, and the link keeps working everywhere.
     */
    @Test
    void aGarminLinkCrossesInstancesAndARefreshRaceLosesNoToken() throws Exception {
        CookieManager browser = new CookieManager();
        ChatClient onA = new ChatClient(A.getLocalPort(), browser);
        ChatClient onB = new ChatClient(B.getLocalPort(), browser);
        String url = onA.say("/link").json().path("reply").path("parts").findValues("url").get(0).asText();
        String token = url.substring(url.indexOf("/link/") + "/link/".length());
        assertThat(onB.request("GET", "/link/" + token, Map.of()).status()).isEqualTo(303);
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"")
                .matcher(onB.request("GET", "/link", Map.of()).body());
        assertThat(csrf.find()).isTrue();
        ChatClient.Result page = onA.post("/link/signin", "application/x-www-form-urlencoded",
                "csrf=" + enc(csrf.group(1)) + "&username=" + enc("cleo@example.com") + "&password=" + enc(PASSWORD),
                Map.of());
        assertThat(page.status()).isEqualTo(200);
        Matcher confirm = Pattern.compile("/link confirm [0-9A-Za-z]+").matcher(page.body());
        assertThat(confirm.find()).as("the page shows the confirm command").isTrue();
        assertThat(onB.say(confirm.group()).text()).startsWith("Garmin connected as **Cleo Runner**");
        CLOCK.advance(Duration.ofMinutes(90)); // the access token has expired for both instances

        CompletableFuture<String> fromA = async(() -> onA.say("Analyze my last run").text());
        CompletableFuture<String> fromB = async(() -> onB.say("Analyze my last run").text());
        assertThat(List.of(fromA.join(), fromB.join())).allSatisfy(answer -> assertThat(answer)
                .contains("km").doesNotContainIgnoringCase("relink").doesNotContainIgnoringCase("link again"));

        // The refresh happened (Garmin rotated the refresh token); a loser of the race adopted the stored result.
        assertThat(PLATFORMS.getAllScenarios().getScenarios()).anySatisfy(s -> {
            assertThat(s.getName()).isEqualTo("refresh");
            assertThat(s.getState()).isEqualTo("rotated");
        });
        PLATFORMS.resetRequests();
        for (ChatClient instance : List.of(onA, onB)) {
            assertThat(instance.say("/status").text()).contains("connected as Cleo Runner");
        }
        assertThat(onA.say("How far did I run this week?").text()).doesNotContainIgnoringCase("relink");
        assertThat(onB.say("How far did I run this week?").text()).doesNotContainIgnoringCase("relink");
        // Nobody is left holding the spent token: Garmin sees only the refreshed one from now on.
        assertThat(PLATFORMS.findAll(anyRequestedFor(urlPathMatching("/(activity|activitylist|userprofile)-service/.*"))))
                .allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + REFRESHED));
        PLATFORMS.verify(0, postRequestedFor(urlPathEqualTo("/di-oauth2-service/oauth/token"))
                .withRequestBody(containing("refresh_token=cleo-r1")));
    }

    // --- the platforms ----------------------------------------------------------------------------------------------

    private static WireMockServer platforms() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                .http2PlainDisabled(true));
        server.start();
        // Telegram Bot API
        String me = "{\"id\":7000000002,\"is_bot\":true,\"first_name\":\"pace42\",\"username\":\"pace42_bot\"}";
        String sent = "{\"message_id\":78,\"chat\":{\"id\":1,\"type\":\"private\"},\"date\":1764121001,\"text\":\"ok\"}";
        server.stubFor(any(urlPathMatching("/bot[^/]+/.*")).atPriority(9).willReturn(okJson("{\"ok\":true,\"result\":true}")));
        server.stubFor(any(urlPathMatching("/bot[^/]+/(?i)getme")).willReturn(okJson("{\"ok\":true,\"result\":" + me + "}")));
        server.stubFor(any(urlPathMatching("/bot[^/]+/(?i)sendmessage"))
                .willReturn(okJson("{\"ok\":true,\"result\":" + sent + "}")));
        // Slack Web API
        server.stubFor(post(urlPathEqualTo("/api/auth.test")).willReturn(okJson("{\"ok\":true,\"url\":"
                + "\"https://several.slack.com/\",\"team\":\"Several\",\"user\":\"pace42\",\"team_id\":\"T0SEVERAL\","
                + "\"user_id\":\"U0BOT\",\"bot_id\":\"B0BOT\"}")));
        server.stubFor(post(urlPathMatching("/api/chat\\.(postMessage|postEphemeral|update)"))
                .willReturn(okJson("{\"ok\":true,\"channel\":\"D0\",\"ts\":\"1700000000.000200\"}")));
        // Discord: the interaction's original response is edited once the answer is ready.
        server.stubFor(patch(urlPathMatching("/api/v10/webhooks/[0-9]+/[^/]+/messages/@original"))
                .willReturn(okJson("{\"id\":\"1330000000000000002\",\"type\":0,\"content\":\"ok\","
                        + "\"channel_id\":\"1200000000000000078\",\"attachments\":[],\"embeds\":[]}")));
        garmin(server);
        return server;
    }

    /** Garmin's sign-in (no MFA), its DI token exchange and a refresh that rotates the refresh token. */
    private static void garmin(WireMockServer server) {
        server.stubFor(get(urlPathEqualTo("/mobile/sso/en/sign-in")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withHeader("Set-Cookie", "SESSION=s1; Path=/")
                .withBody("<html><title>Garmin SSO Portal</title></html>")));
        server.stubFor(post(urlPathEqualTo("/mobile/api/login")).willReturn(okJson("{\"serviceURL\":"
                + "\"https://mobile.integration.garmin.com/gcm/android\",\"serviceTicketId\":\"ST-9-cleo-sso\","
                + "\"responseStatus\":{\"type\":\"SUCCESSFUL\",\"message\":\"\",\"httpStatus\":\"OK\"},"
                + "\"customerMfaInfo\":null,\"authType\":\"CAS\"}")));
        server.stubFor(post(urlPathEqualTo("/di-oauth2-service/oauth/token"))
                .withRequestBody(containing("service_ticket=ST-9-cleo-sso")).willReturn(tokens(EXPIRING, "cleo-r1")));
        // Refresh tokens rotate: the first refresh with r1 succeeds, any later one with the spent r1 is refused.
        server.stubFor(post(urlPathEqualTo("/di-oauth2-service/oauth/token")).inScenario("refresh")
                .whenScenarioStateIs(Scenario.STARTED).withRequestBody(containing("refresh_token=cleo-r1"))
                .willReturn(tokens(REFRESHED, "cleo-r2")).willSetStateTo("rotated"));
        server.stubFor(post(urlPathEqualTo("/di-oauth2-service/oauth/token")).inScenario("refresh")
                .whenScenarioStateIs("rotated").withRequestBody(containing("refresh_token=cleo-r1"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"refresh token spent\"}")));
        for (String access : List.of(EXPIRING, REFRESHED)) {
            String bearer = "Bearer " + access;
            server.stubFor(get(urlPathEqualTo("/userprofile-service/socialProfile"))
                    .withHeader("Authorization", equalTo(bearer)).willReturn(okJson("{\"profileId\":" + Fixtures.OWNER + ","
                            + "\"displayName\":\"cleo-uuid\",\"fullName\":\"Cleo Runner\"}")));
            String start = LocalDateTime.now(ZoneOffset.UTC).minusDays(1).withHour(7).withMinute(0).withSecond(0)
                    .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
            server.stubFor(get(urlPathEqualTo("/activitylist-service/activities/search/activities"))
                    .withHeader("Authorization", equalTo(bearer))
                    .willReturn(okJson("[" + Fixtures.listItem(ACTIVITY, "running", 1, start) + "]")));
            server.stubFor(get(urlPathEqualTo("/activity-service/activity/" + ACTIVITY + "/details"))
                    .withHeader("Authorization", equalTo(bearer)).willReturn(okJson(Fixtures.details(ACTIVITY, 1800))));
            server.stubFor(get(urlPathEqualTo("/userprofile-service/userprofile/user-settings"))
                    .withHeader("Authorization", equalTo(bearer))
                    .willReturn(okJson("{\"userData\":{\"lactateThresholdHeartRate\":171}}")));
        }
        // A token nobody should use any more is refused, as Garmin does.
        server.stubFor(any(urlPathMatching("/(activity|activitylist|userprofile)-service/.*")).atPriority(9)
                .willReturn(aResponse().withStatus(401)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder tokens(String access,
                                                                                           String refresh) {
        return okJson("{\"access_token\":\"" + access + "\",\"refresh_token\":\"" + refresh + "\",\"expires_in\":"
                + (access.equals(EXPIRING) ? 60 : 72000) + ",\"refresh_token_expires_in\":2591999,"
                + "\"token_type\":\"bearer\",\"scope\":\"CONNECT_READ\"}");
    }

    // --- requests as the platforms send them -----------------------------------------------------------------------

    private static String telegramUpdate(long updateId, long chat, String text) {
        int command = text.indexOf(' ') < 0 ? text.length() : text.indexOf(' ');
        return "{\"update_id\":" + updateId + ",\"message\":{\"message_id\":" + (updateId % 1000) + ",\"from\":{\"id\":"
                + chat + ",\"is_bot\":false,\"first_name\":\"Runner\",\"language_code\":\"en\"},\"chat\":{\"id\":"
                + chat + ",\"first_name\":\"Runner\",\"type\":\"private\"},\"date\":" + CLOCK.instant().getEpochSecond()
                + ",\"text\":\"" + text + "\",\"entities\":[{\"offset\":0,\"length\":" + command
                + ",\"type\":\"bot_command\"}]}}";
    }

    private static int telegram(DropwizardAppExtension<Pace42Configuration> instance, String update) {
        return new ChatClient(instance.getLocalPort()).post("/telegram/webhook", "application/json", update,
                Map.of("X-Telegram-Bot-Api-Secret-Token", TELEGRAM_SECRET)).status();
    }

    private static List<String> telegramTexts(long chat) {
        return PLATFORMS.findAll(anyRequestedFor(urlPathMatching("/bot[^/]+/(?i)sendmessage"))).stream()
                .sorted(java.util.Comparator.comparing(LoggedRequest::getLoggedDate))
                .map(SeveralInstancesTest::body).filter(b -> b.path("chat_id").asText().equals(Long.toString(chat)))
                .map(b -> b.path("text").asText()).toList();
    }

    private static String slackDm(String eventId, String user, String channel, String text) {
        return "{\"token\":\"legacy\",\"team_id\":\"T0SEVERAL\",\"api_app_id\":\"A0PACE42\",\"event\":{\"type\":"
                + "\"message\",\"channel\":\"" + channel + "\",\"channel_type\":\"im\",\"user\":\"" + user + "\","
                + "\"text\":\"" + text + "\",\"ts\":\"1700000001." + eventId.hashCode() % 1000 + "\"},\"type\":"
                + "\"event_callback\",\"event_id\":\"" + eventId + "\",\"event_time\":1700000001,\"authorizations\":"
                + "[{\"team_id\":\"T0SEVERAL\",\"user_id\":\"U0BOT\",\"is_bot\":true,\"is_enterprise_install\":false}]}";
    }

    private static int slack(DropwizardAppExtension<Pace42Configuration> instance, String body,
                             Map<String, String> retry) {
        Map<String, String> headers = new java.util.HashMap<>(slackSignature(body));
        headers.putAll(retry);
        return new ChatClient(instance.getLocalPort()).post("/slack/events", "application/json", body, headers)
                .status();
    }

    private static Map<String, String> slackSignature(String body) {
        try {
            long ts = CLOCK.instant().getEpochSecond(); // the instances check the age against their clock
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SLACK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signature = "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + ts + ":" + body)
                    .getBytes(StandardCharsets.UTF_8)));
            return Map.of("X-Slack-Request-Timestamp", Long.toString(ts), "X-Slack-Signature", signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<LoggedRequest> slackPosts(String channel) {
        return PLATFORMS.findAll(postRequestedFor(urlPathMatching("/api/chat\\.post(Message|Ephemeral)"))).stream()
                .filter(r -> java.net.URLDecoder.decode(r.getBodyAsString(), StandardCharsets.UTF_8)
                        .contains(channel)).toList();
    }

    private static String discordUnits(String id, String token) {
        return "{\"id\":\"" + id + "\",\"application_id\":\"" + DISCORD_APP + "\",\"type\":2,\"token\":\"" + token
                + "\",\"version\":1,\"channel_id\":\"1200000000000000078\",\"context\":1,\"locale\":\"en-GB\","
                + "\"data\":{\"id\":\"1150000000000000005\",\"name\":\"units\",\"type\":1,\"options\":[{\"name\":"
                + "\"system\",\"type\":3,\"value\":\"mi\"}]},\"user\":{\"id\":\"80351110224678" + id.substring(14)
                + "\",\"username\":\"runner\",\"global_name\":\"Runner\",\"discriminator\":\"0\",\"avatar\":null,"
                + "\"public_flags\":0}}";
    }

    private static int discord(DropwizardAppExtension<Pace42Configuration> instance, String body) {
        try {
            String ts = Long.toString(Instant.now().getEpochSecond());
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(DISCORD.getPrivate());
            s.update((ts + body).getBytes(StandardCharsets.UTF_8));
            return new ChatClient(instance.getLocalPort()).post("/discord/interactions", "application/json", body,
                    Map.of("X-Signature-Ed25519", HexFormat.of().formatHex(s.sign()), "X-Signature-Timestamp", ts))
                    .status();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<LoggedRequest> discordEdits(String token) {
        return PLATFORMS.findAll(anyRequestedFor(urlPathMatching(".*/" + token + "/messages/@original")));
    }

    private static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String discordPublicKey() {
        byte[] der = DISCORD.getPublic().getEncoded();
        return HexFormat.of().formatHex(der, der.length - 32, der.length);
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private static JsonNode body(LoggedRequest r) {
        try {
            return JSON.readTree(r.getBodyAsString());
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }

    private static <T> CompletableFuture<T> async(Supplier<T> call) {
        return CompletableFuture.supplyAsync(call);
    }

    /** Waits (bounded) until an asynchronous answer has arrived; the assertions that follow decide. */
    private static void awaitCount(Supplier<Integer> count, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (count.get() < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(25);
        }
    }

    private static String after(String prefix, String text) {
        return text.substring(text.lastIndexOf(prefix) + prefix.length()).strip().split("\\s")[0];
    }

    private static String sixDigits(String text) {
        Matcher m = Pattern.compile("connect confirm (\\d{6})").matcher(text);
        assertThat(m.find()).as("a confirm code in: %s", text).isTrue();
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
