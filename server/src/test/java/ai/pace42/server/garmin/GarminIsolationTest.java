package ai.pace42.server.garmin;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.garmin.Fixtures;
import ai.pace42.server.AppWithRecordedChat;
import ai.pace42.server.ChatClient;
import ai.pace42.server.Pace42Configuration;
import ai.pace42.server.TestServers;
import ai.pace42.server.link.ConfirmCommands;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The seed's acceptance, end to end: two runners link two different Garmin accounts through the real link page
 * (token import against a WireMock Garmin that answers per bearer token), ask the coach, and each sees only their
 * own data; unlinking one leaves the other untouched.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class GarminIsolationTest {

    /** Runner A's Garmin: owner 111, heart rate around 140. Runner B's: owner 222, around 100. */
    private record Account(String token, long owner, String name, long activityId, int hrShift) {
    }

    private static final Account A = new Account("tok-ada", 111, "Ada Alpha", 9_100_001L, 0);
    private static final Account B = new Account("tok-bea", 222, "Bea Beta", 9_200_002L, -40);
    /** A third Garmin account, around 180 bpm, that a runner re-links to. */
    private static final Account C = new Account("tok-cy", 333, "Cy Gamma", 9_300_003L, 38);

    // Declared after A and B: static fields initialise in order, and the stubs need both accounts.
    private static final WireMockServer GARMIN = started();
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    /** The measured average and maximum in the full description (prescribed HR caps elsewhere are not data). */
    private static final Pattern BPM = Pattern.compile("Heart rate averaged (\\d{2,3}) bpm, max (\\d{2,3}) bpm");

    static final DropwizardAppExtension<Pace42Configuration> APP = TestServers.sqlite(AppWithRecordedChat.class,
            ConfigOverride.config("garmin.GARMIN_CONNECTAPI_URL", "http://127.0.0.1:" + GARMIN.port()),
            ConfigOverride.config("garmin.GARMIN_DIAUTH_URL", "http://127.0.0.1:" + GARMIN.port()));

    private static WireMockServer started() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        // Anything not stubbed for a token is refused, as Garmin refuses an unknown bearer token.
        server.stubFor(get(urlPathMatching(".*")).atPriority(10).willReturn(aResponse().withStatus(401)));
        stub(server, A);
        stub(server, B);
        stub(server, C);
        return server;
    }

    private static void stub(WireMockServer server, Account acc) {
        String bearer = "Bearer " + acc.token();
        LocalDateTime start = LocalDateTime.now(ZoneOffset.UTC).minusDays(1).withHour(7).withMinute(0).withSecond(0)
                .withNano(0);
        String gmt = start.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        // The list item's averages agree with the account's samples, as Garmin's do.
        String item = Fixtures.listItem(acc.activityId(), "running", 17, gmt)
                .replace("\"ownerId\":" + Fixtures.OWNER, "\"ownerId\":" + acc.owner())
                .replace("\"averageHR\":151.0", "\"averageHR\":" + (142 + acc.hrShift()) + ".0")
                .replace("\"maxHR\":171.0", "\"maxHR\":" + (162 + acc.hrShift()) + ".0");
        String iso = start.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) + ".0";
        String detail = Fixtures.activityDetail(acc.activityId())
                .replace("\"userProfileId\":" + Fixtures.OWNER, "\"userProfileId\":" + acc.owner())
                .replace("2026-01-08T08:10:21.0", iso).replace("2026-01-08T14:10:21.0", iso)
                .replace("\"averageHR\":142.0", "\"averageHR\":" + (142 + acc.hrShift()) + ".0")
                .replace("\"maxHR\":162.0", "\"maxHR\":" + (162 + acc.hrShift()) + ".0")
                .replace("\"minHR\":122.0", "\"minHR\":" + (122 + acc.hrShift()) + ".0");
        JsonNode details = Fixtures.json(Fixtures.details(acc.activityId(), 1800));
        long t0 = start.toInstant(ZoneOffset.UTC).toEpochMilli();
        for (int i = 0; i < details.get("activityDetailMetrics").size(); i++) {
            ArrayNode m = (ArrayNode) details.get("activityDetailMetrics").get(i).get("metrics");
            m.set(0, m.numberNode(t0 + i * 1000L));
            m.set(3, m.numberNode(m.get(3).asDouble() + acc.hrShift()));
        }
        server.stubFor(get(urlPathEqualTo("/userprofile-service/socialProfile"))
                .withHeader("Authorization", equalTo(bearer)).willReturn(okJson("{\"profileId\":" + acc.owner()
                        + ",\"displayName\":\"" + acc.name().toLowerCase().replace(' ', '-') + "\",\"fullName\":\""
                        + acc.name() + "\"}")));
        server.stubFor(get(urlPathEqualTo("/activitylist-service/activities/search/activities"))
                .withHeader("Authorization", equalTo(bearer)).willReturn(okJson("[" + item + "]")));
        server.stubFor(get(urlPathEqualTo("/activity-service/activity/" + acc.activityId()))
                .withHeader("Authorization", equalTo(bearer)).willReturn(okJson(detail)));
        server.stubFor(get(urlPathEqualTo("/activity-service/activity/" + acc.activityId() + "/details"))
                .withHeader("Authorization", equalTo(bearer)).willReturn(okJson(details.toString())));
    }

    @AfterAll
    static void stopGarminAndScanTheLog() throws Exception {
        GARMIN.stop();
        // No link token, CSRF token, access or refresh token may appear in any log line of the whole flow.
        java.nio.file.Path log = java.nio.file.Path.of(System.getProperty("PACE42_LOG_DIR"), "pace42.log");
        String lines = java.nio.file.Files.readString(log);
        assertThat(lines).contains("/link");
        assertThat(HANDLED_SECRETS).hasSizeGreaterThanOrEqualTo(6);
        for (String secret : HANDLED_SECRETS) {
            assertThat(lines).as("log must not contain a secret of the flow").doesNotContain(secret);
        }
    }

    /** garth's oauth2_token.json shape, as a runner would paste it. */
    private static String garthTokens(String access) {
        long now = Instant.now().getEpochSecond();
        return "{\"scope\":\"CONNECT_READ CONNECT_WRITE\",\"jti\":\"0b5c\",\"token_type\":\"Bearer\",\"access_token\":\""
                + access + "\",\"refresh_token\":\"r-" + access + "\",\"expires_in\":100000,\"expires_at\":"
                + (now + 100000) + ",\"refresh_token_expires_in\":2591999,\"refresh_token_expires_at\":"
                + (now + 2591999) + "}";
    }

    /** Every secret the flow handled, so the log scan can look for each of them. */
    private static final List<String> HANDLED_SECRETS = new java.util.concurrent.CopyOnWriteArrayList<>();

    private static ChatClient.Result linkWithTokens(ChatClient runner, String access) {
        String url = runner.say("/link").json().path("reply").path("parts").findValues("url").get(0).asText();
        return linkWithTokens(runner, url, access);
    }

    /** Opens a link URL in a browser session and imports tokens there. */
    private static ChatClient.Result linkWithTokens(ChatClient runner, String url, String access) {
        HANDLED_SECRETS.add(url.substring(url.lastIndexOf('/') + 1));
        HANDLED_SECRETS.add(access);
        HANDLED_SECRETS.add("r-" + access);
        runner.request("GET", url.substring(url.indexOf("/link/")), Map.of());
        Matcher csrf = CSRF.matcher(runner.request("GET", "/link", Map.of()).body());
        assertThat(csrf.find()).isTrue();
        HANDLED_SECRETS.add(csrf.group(1));
        String form = "csrf=" + csrf.group(1) + "&tokens=" + URLEncoder.encode(garthTokens(access), StandardCharsets.UTF_8);
        return runner.post("/link/tokens", "application/x-www-form-urlencoded", form, Map.of());
    }

    /** The finished page names the Garmin account and shows the command to send in the chat that asked. */
    private static String confirmOn(ChatClient.Result page, String garminName) {
        assertThat(page.body()).contains("Now confirm in", garminName);
        return ConfirmCommands.on(page.body());
    }

    private static List<Integer> heartRates(String text) {
        List<Integer> out = new ArrayList<>();
        Matcher m = BPM.matcher(text);
        while (m.find()) {
            out.add(Integer.parseInt(m.group(1)));
            out.add(Integer.parseInt(m.group(2)));
        }
        return out;
    }

    @Test
    void twoRunnersLinkDifferentGarminAccountsAndEachSeesOnlyTheirOwnRuns() {
        ChatClient ada = new ChatClient(APP.getLocalPort());
        ChatClient bea = new ChatClient(APP.getLocalPort());

        assertThat(ada.say(confirmOn(linkWithTokens(ada, A.token()), "Ada Alpha")).text()).contains("Ada Alpha");
        assertThat(bea.say(confirmOn(linkWithTokens(bea, B.token()), "Bea Beta")).text()).contains("Bea Beta");

        String adaAnswer = ada.say("Analyze my last run in detail").text();
        String beaAnswer = bea.say("Analyze my last run in detail").text();

        assertThat(heartRates(adaAnswer)).as(adaAnswer).isNotEmpty().allSatisfy(hr -> assertThat(hr).isBetween(120, 175));
        assertThat(heartRates(beaAnswer)).as(beaAnswer).isNotEmpty().allSatisfy(hr -> assertThat(hr).isBetween(80, 135));
        assertThat(adaAnswer).doesNotContain("Bea");
        assertThat(beaAnswer).doesNotContain("Ada");
        // Garmin never saw one runner's token asking for the other runner's activity.
        GARMIN.verify(0, getRequestedFor(urlPathMatching("/activity-service/activity/" + B.activityId() + ".*"))
                .withHeader("Authorization", equalTo("Bearer " + A.token())));
        GARMIN.verify(0, getRequestedFor(urlPathMatching("/activity-service/activity/" + A.activityId() + ".*"))
                .withHeader("Authorization", equalTo("Bearer " + B.token())));
        GARMIN.verify(0, getRequestedFor(urlPathMatching(".*")).withHeader("Authorization", absent()));

        assertThat(ada.say("/unlink confirm").text()).contains("disconnected");
        assertThat(ada.say("Analyze my last run in detail").text()).contains("/link");
        assertThat(heartRates(bea.say("Analyze my last run in detail").text())).isNotEmpty()
                .allSatisfy(hr -> assertThat(hr).isBetween(80, 135));
    }

    @Test
    void tokensGarminRefusesAreReportedAndNothingIsLinked() {
        ChatClient cat = new ChatClient(APP.getLocalPort());

        ChatClient.Result page = linkWithTokens(cat, "tok-unknown");

        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body()).doesNotContain("/link confirm").doesNotContain("tok-unknown");
        assertThat(cat.say("/status").text()).contains("**Data:** none yet");
    }

    private static AppWithRecordedChat app() {
        return APP.getApplication();
    }

    private static void assertHeartRatesOf(Account account, String answer) {
        int expected = 142 + account.hrShift();
        assertThat(heartRates(answer)).as(answer).isNotEmpty()
                .allSatisfy(hr -> assertThat(hr).isBetween(expected - 25, expected + 25));
    }

    /**
     * Two platforms, interleaved and concurrent: a browser runner on Garmin A and a Telegram runner on Garmin B
     * ask at the same time; then the Telegram runner disconnects and reconnects to a third Garmin account, C.
     * Every answer carries only its own account's heart rates and names, before and after the switch.
     */
    @Test
    void concurrentRunnersOnTwoPlatformsAndARelinkToAThirdAccountNeverCrossOver() throws Exception {
        ChatClient dan = new ChatClient(APP.getLocalPort());
        PlatformIdentity eve = PlatformIdentity.of(Platform.TELEGRAM, "5150");
        dan.say(confirmOn(linkWithTokens(dan, A.token()), "Ada Alpha"));
        String eveLink = AppWithRecordedChat.linkUrl(app().say(eve, "Eve", "/link"), APP.getLocalPort());
        ChatClient eveBrowser = new ChatClient(APP.getLocalPort());
        String evePage = confirmOn(linkWithTokens(eveBrowser, eveLink, B.token()), "Bea Beta");
        // Eve's chat is told to confirm, without the Garmin name or the code; the code comes from the page.
        assertThat(app().received(eve, "A Garmin account was signed in")).singleElement()
                .satisfies(notice -> assertThat(notice).doesNotContain("Bea").doesNotContain(evePage));
        assertThat(app().say(eve, "Eve", evePage).plainText())
                .isEqualTo("Garmin connected as **Bea Beta**. Not you? Send /unlink.");

        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<String>> danAnswers = new ArrayList<>();
        List<Future<String>> eveAnswers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            danAnswers.add(pool.submit(() -> dan.say("Analyze my last run in detail").text()));
            eveAnswers.add(pool.submit(() -> app().say(eve, "Eve", "Analyze my last run in detail").plainText()));
        }
        for (Future<String> answer : danAnswers) {
            assertHeartRatesOf(A, answer.get(60, TimeUnit.SECONDS));
        }
        for (Future<String> answer : eveAnswers) {
            assertHeartRatesOf(B, answer.get(60, TimeUnit.SECONDS));
        }

        assertThat(app().say(eve, "Eve", "/unlink confirm").plainText()).contains("disconnected");
        String relink = AppWithRecordedChat.linkUrl(app().say(eve, "Eve", "/link"), APP.getLocalPort());
        assertThat(app().say(eve, "Eve", confirmOn(linkWithTokens(eveBrowser, relink, C.token()), "Cy Gamma"))
                .plainText()).contains("Cy Gamma");

        List<Future<String>> afterDan = new ArrayList<>();
        List<Future<String>> afterEve = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            afterDan.add(pool.submit(() -> dan.say("Analyze my last run in detail").text()));
            afterEve.add(pool.submit(() -> app().say(eve, "Eve", "Analyze my last run in detail").plainText()));
        }
        for (Future<String> answer : afterDan) {
            assertHeartRatesOf(A, answer.get(60, TimeUnit.SECONDS));
        }
        for (Future<String> answer : afterEve) {
            String text = answer.get(60, TimeUnit.SECONDS);
            assertHeartRatesOf(C, text);
            assertThat(text).doesNotContain("Bea", "Ada");
        }
        pool.shutdown();
        // After the switch Garmin never saw B's token again, and C's token never asked for anyone else's run.
        GARMIN.verify(0, getRequestedFor(urlPathMatching("/activity-service/activity/(" + A.activityId() + "|"
                + B.activityId() + ").*")).withHeader("Authorization", equalTo("Bearer " + C.token())));
    }
}
