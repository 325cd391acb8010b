package ai.pace42.server.garmin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.garmin.Fixtures;
import ai.pace42.server.link.ConfirmCommands;
import ai.pace42.server.AppWithRecordedChat;
import ai.pace42.server.ChatClient;
import ai.pace42.server.Pace42Configuration;
import ai.pace42.server.TestServers;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every way Garmin fails, end to end through the browser chat: a runner links through the token-import form
 * against a WireMock Garmin whose activity list fails in one way per token, then asks. With nothing cached the
 * answer is the failure itself with its code and the request id; with runs cached it is the answer from the
 * cache plus how old the data is and why it is not newer. The payloads have the recorded shapes of
 * garmin-connect.md (Garmin's JSON 403, a Cloudflare-style HTML page with status 200, Retry-After on 429).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class GarminFailuresChatTest {

    private static final String LIST = "/activitylist-service/activities/search/activities";
    private static final long RUN_ID = 9_400_004L;
    private static final WireMockServer GARMIN = started();
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    /** A small budget keeps the slow case fast; Garmin's slow answer takes far longer than the budget. */
    static final DropwizardAppExtension<Pace42Configuration> APP = TestServers.sqlite(AppWithRecordedChat.class,
            ConfigOverride.config("garmin.GARMIN_CONNECTAPI_URL", "http://127.0.0.1:" + GARMIN.port()),
            ConfigOverride.config("garmin.GARMIN_DIAUTH_URL", "http://127.0.0.1:" + GARMIN.port()),
            ConfigOverride.config("garmin.GARMIN_FRESHNESS_MINUTES", "0"),
            ConfigOverride.config("garmin.GARMIN_ANSWER_BUDGET_MS", "2500"));

    private static WireMockServer started() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(get(urlPathMatching(".*")).atPriority(10).willReturn(aResponse().withStatus(401)));
        // A refresh token Garmin no longer honours: the DI token endpoint's answer to a revoked grant.
        server.stubFor(post(urlPathEqualTo("/di-oauth2-service/oauth/token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Invalid refresh token\"}")));
        return server;
    }

    @AfterAll
    static void stop() {
        GARMIN.stop();
    }

    /** A linked Garmin account whose activity list answers with {@code list}. */
    private static ChatClient runnerWhoseListAnswers(String token, ResponseDefinitionBuilder list) {
        stubProfile(token);
        GARMIN.stubFor(get(urlPathEqualTo(LIST)).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(list));
        return linked(token);
    }

    private static void stubProfile(String token) {
        GARMIN.stubFor(get(urlPathEqualTo("/userprofile-service/socialProfile"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson("{\"profileId\":" + Fixtures.OWNER + ",\"displayName\":\"runner-" + token
                        + "\",\"fullName\":\"Runner " + token + "\"}")));
        GARMIN.stubFor(get(urlPathEqualTo("/userprofile-service/userprofile/user-settings"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson("{\"id\":1,\"userData\":{\"gender\":\"FEMALE\"}}")));
    }

    private static ChatClient linked(String token) {
        ChatClient runner = new ChatClient(APP.getLocalPort());
        String url = runner.say("/link").json().path("reply").path("parts").findValues("url").get(0).asText();
        runner.request("GET", url.substring(url.indexOf("/link/")), Map.of());
        Matcher csrf = CSRF.matcher(runner.request("GET", "/link", Map.of()).body());
        assertThat(csrf.find()).isTrue();
        long now = Instant.now().getEpochSecond();
        String tokens = "{\"scope\":\"CONNECT_READ\",\"jti\":\"j\",\"token_type\":\"Bearer\",\"access_token\":\""
                + token + "\",\"refresh_token\":\"r-" + token + "\",\"expires_in\":100000,\"expires_at\":"
                + (now + 100000) + ",\"refresh_token_expires_in\":2591999,\"refresh_token_expires_at\":"
                + (now + 2591999) + "}";
        String form = "csrf=" + csrf.group(1) + "&tokens=" + URLEncoder.encode(tokens, StandardCharsets.UTF_8);
        String page = runner.post("/link/tokens", "application/x-www-form-urlencoded", form, Map.of()).body();
        assertThat(page).contains("Now confirm in the browser chat");
        assertThat(runner.say(ConfirmCommands.on(page)).text()).startsWith("Garmin connected as ");
        return runner;
    }

    /** Asks, and checks the reply is an ordinary 200 answer that quotes its own request id. */
    private static String ask(ChatClient runner) {
        ChatClient.Result r = runner.say("Analyze my last run");
        assertThat(r.status()).isEqualTo(200);
        String text = r.text().strip();
        return text.replace(r.json().path("requestId").asText(), "<ref>");
    }

    private static int listCalls(String token) {
        return GARMIN.countRequestsMatching(getRequestedFor(urlPathEqualTo(LIST))
                .withHeader("Authorization", equalTo("Bearer " + token)).build()).getCount();
    }

    private static String log() throws Exception {
        return Files.readString(Path.of(System.getProperty("PACE42_LOG_DIR"), "pace42.log"));
    }

    @Test
    void rateLimitedSaysWhenItRetries() {
        ChatClient runner = runnerWhoseListAnswers("tok-429", aResponse().withStatus(429).withHeader("Retry-After", "1")
                .withBody("Too Many Requests"));

        assertThat(ask(runner)).matches("Garmin is limiting requests; I'll retry at \\d\\d:\\d\\d "
                + "\\(GARMIN_RATE_LIMITED, ref <ref>\\)\\.");
    }

    @Test
    void serverErrorSaysSoAndIsLoggedOnceWithTheRequestId() throws Exception {
        ChatClient runner = runnerWhoseListAnswers("tok-500", aResponse().withStatus(500).withBody("oops"));

        runner.say("Analyze my last run"); // after this, the link's warm-up sync has surely finished
        int before = listCalls("tok-500");
        ChatClient.Result r = runner.say("Analyze my last run");

        assertThat(listCalls("tok-500") - before).as("three attempts, then the answer").isEqualTo(3);
        assertThat(r.text().strip()).isEqualTo("Garmin's servers are failing (HTTP 500 after 3 attempts); I'll try "
                + "again when you ask next (GARMIN_UNAVAILABLE, ref " + r.json().path("requestId").asText() + ").");
        String line = "garmin call failed: requestId=" + r.json().path("requestId").asText()
                + " endpoint=" + LIST + " status=500 code=GARMIN_UNAVAILABLE";
        assertThat(log().lines().filter(l -> l.contains(line))).hasSize(1)
                .allSatisfy(l -> assertThat(l).contains("WARN").doesNotContain("tok-500"));
    }

    @Test
    void revokedTokenAsksForARelink() {
        ChatClient runner = runnerWhoseListAnswers("tok-401", aResponse().withStatus(401)
                .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\"Token is not active\""));

        assertThat(ask(runner)).isEqualTo("Garmin no longer accepts the link — send /link to reconnect "
                + "(GARMIN_RELINK_REQUIRED, ref <ref>).");
    }

    @Test
    void forbiddenWithGarminsOwnBodyAsksForARelink() {
        ChatClient runner = runnerWhoseListAnswers("tok-403", aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"HTTP 403 Forbidden\",\"error\":\"ForbiddenException\"}"));

        assertThat(ask(runner)).isEqualTo("Garmin refused access to your activities (HTTP 403 Forbidden) — send "
                + "/link to reconnect (GARMIN_ACCESS_DENIED, ref <ref>).");
    }

    @Test
    void anHtmlPageWithStatus200IsNotNoRuns() {
        ChatClient runner = runnerWhoseListAnswers("tok-html", aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html")
                .withBody("<!DOCTYPE html><html><head><title>Garmin Connect</title></head><body>Maintenance</body></html>"));

        assertThat(ask(runner)).isEqualTo("Garmin sent a web page instead of your data, which usually means an "
                + "outage or a block on automated requests; I'll try again when you ask next "
                + "(GARMIN_UNAVAILABLE, ref <ref>).");
    }

    @Test
    void slowGarminAnswersWithinTheBudgetAndKeepsFetchingInTheBackground() {
        ChatClient runner = runnerWhoseListAnswers("tok-slow", okJson("[]").withFixedDelay(8000));
        int before = listCalls("tok-slow");

        assertThat(ask(runner)).isEqualTo("Garmin is answering slowly; I'm still fetching your runs in the "
                + "background, so ask again in a minute (GARMIN_SLOW, ref <ref>).");
        // At most one list request for the answer, still running: no retries or calls queued behind it (the
        // link's warm-up may already have one in flight, which the answer then shares).
        assertThat(listCalls("tok-slow") - before).isLessThanOrEqualTo(1);
    }

    @Test
    void aFreshAnswerSaysWhenTheGarminDataWasSynced() {
        String token = "tok-synced";
        stubProfile(token);
        long runId = RUN_ID + 1;
        String gmt = LocalDateTime.now(ZoneOffset.UTC).minusDays(1).withHour(7).withMinute(0).withSecond(0)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        GARMIN.stubFor(get(urlPathEqualTo(LIST)).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson("[" + Fixtures.listItem(runId, "running", 1, gmt) + "]")));
        GARMIN.stubFor(get(urlPathEqualTo("/activity-service/activity/" + runId + "/details"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson(Fixtures.details(runId, 600))));

        String answer = ask(linked(token));

        // Through every decorator the assembled server puts around the Garmin source (the runner's /profile
        // overlay, run weather, the answer cache), the answer still ends with how fresh the data is.
        assertThat(answer).contains("10.0 km in 50:00").endsWith("Garmin data synced just now.");
    }

    @Test
    void withRunsCachedTheAnswerComesFromTheCacheAndSaysWhyItIsNotNewer() {
        String token = "tok-cached";
        stubProfile(token);
        String gmt = LocalDateTime.now(ZoneOffset.UTC).minusDays(1).withHour(7).withMinute(0).withSecond(0)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        GARMIN.stubFor(get(urlPathEqualTo(LIST)).withHeader("Authorization", equalTo("Bearer " + token))
                .inScenario("cached").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("[" + Fixtures.listItem(RUN_ID, "running", 1, gmt) + "]")));
        GARMIN.stubFor(get(urlPathEqualTo(LIST)).withHeader("Authorization", equalTo("Bearer " + token))
                .inScenario("cached").whenScenarioStateIs("failing").willReturn(aResponse().withStatus(503)));
        GARMIN.stubFor(get(urlPathEqualTo("/activity-service/activity/" + RUN_ID + "/details"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson(Fixtures.details(RUN_ID, 600))));
        ChatClient runner = linked(token);
        String fresh = ask(runner);
        assertThat(fresh).contains("10.0 km in 50:00").doesNotContain("Note:");

        GARMIN.setScenarioState("cached", "failing");
        String cached = ask(runner);

        // The same run and numbers as before, then the note: as of when, and why not newer.
        assertThat(cached).contains("10.0 km in 50:00");
        assertThat(cached).containsPattern("\\*\\*Note:\\*\\* this answer uses your runs as of \\d\\d:\\d\\d "
                + "\\(just now\\); I could not fetch newer data: Garmin's servers are failing \\(HTTP 503 after 3 "
                + "attempts\\); I'll try again when you ask next \\(GARMIN_UNAVAILABLE, ref <ref>\\)\\.$");
    }
}
