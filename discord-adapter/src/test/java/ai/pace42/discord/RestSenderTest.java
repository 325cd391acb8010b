package ai.pace42.discord;

import ai.pace42.bot.testing.RecordingScheduler;
import ai.pace42.bot.testing.TestCore;
import ai.pace42.bot.channel.SendRetries;
import ai.pace42.bot.channel.SendRetryPolicy;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.pace42.bot.channel.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The REST sender against WireMock answering as Discord does, including 429s and refusals. */
class RestSenderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOT_TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.Gx1234.fake-bot-token-for-tests";
    private static final InteractionRef REF = new InteractionRef(Fixtures.APP_ID, Fixtures.TOKEN, "dc-1");

    private final DiscordApiStub api = new DiscordApiStub();
    private final RecordingScheduler scheduler = RecordingScheduler.inline();
    private final RestSender sender = sender(scheduler);

    private RestSender sender(RecordingScheduler s) {
        return new RestSender(new OkHttpClient(), JSON, api.baseUrl(), BOT_TOKEN,
                new SendRetries(SendRetryPolicy.STANDARD, s), s::nanoTime);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private static JsonNode body(LoggedRequest r) throws Exception {
        return JSON.readTree(r.getBodyAsString());
    }

    @Test
    void editingTheDeferredResponsePatchesOriginalWithoutPings() throws Exception {
        sender.editOriginal(REF, OutboundMessage.text("**5 km** done")).get();
        List<LoggedRequest> edits = api.requests("/api/v10/webhooks/" + Fixtures.APP_ID + "/" + Fixtures.TOKEN
                + "/messages/@original");
        assertThat(edits).hasSize(1);
        JsonNode body = body(edits.get(0));
        assertThat(body.path("content").asText()).isEqualTo("**5 km** done");
        assertThat(body.path("allowed_mentions").path("parse")).isEmpty();
        // Interaction webhooks authenticate by their token: the bot token is not sent.
        assertThat(edits.get(0).containsHeader("Authorization")).isFalse();
    }

    @Test
    void aChartIsAMultipartUploadWithPayloadJson() throws Exception {
        OutboundMessage chart = new OutboundMessage("Last run", TestCore.PNG, "chart.png",
                List.of(new Reply.Part.LinkButton("Open", "https://pace42.example/x")));
        sender.followUp(REF, chart, true).get();
        LoggedRequest r = api.requests("/api/v10/webhooks/" + Fixtures.APP_ID + "/" + Fixtures.TOKEN).get(0);
        assertThat(r.getHeader("Content-Type")).startsWith("multipart/form-data");
        Request.Part payload = r.getPart("payload_json");
        JsonNode json = JSON.readTree(payload.getBody().asString());
        assertThat(json.path("flags").asInt()).isEqualTo(64);
        assertThat(json.path("attachments").get(0).path("filename").asText()).isEqualTo("chart.png");
        assertThat(json.path("components").get(0).path("components").get(0).path("style").asInt()).isEqualTo(5);
        Request.Part file = r.getPart("files[0]");
        assertThat(file.getBody().asBytes()).isEqualTo(TestCore.PNG);
        assertThat(file.getHeader("Content-Type").firstValue()).isEqualTo("image/png");
    }

    @Test
    void aFileIsUploadedAsFilesZeroWithItsOwnNameAndMediaType() throws Exception {
        byte[] ics = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        List<OutboundMessage> rendered = new ReplyRenderer().render(Reply.of(
                new Reply.Part.File("pace42-plan.ics", "text/calendar", ics, "/api/v1/plans/current.ics")));
        assertThat(rendered).singleElement().satisfies(m -> assertThat(m.fileName()).isEqualTo("pace42-plan.ics"));
        sender.followUp(REF, rendered.get(0), true).get();
        LoggedRequest r = api.requests("/api/v10/webhooks/" + Fixtures.APP_ID + "/" + Fixtures.TOKEN).get(0);
        assertThat(r.getHeader("Content-Type")).startsWith("multipart/form-data");
        JsonNode json = JSON.readTree(r.getPart("payload_json").getBody().asString());
        assertThat(json.path("attachments").get(0).path("filename").asText()).isEqualTo("pace42-plan.ics");
        Request.Part file = r.getPart("files[0]");
        assertThat(file.getBody().asBytes()).isEqualTo(ics);
        assertThat(file.getHeader("Content-Type").firstValue()).startsWith("text/calendar");
        assertThat(file.getHeader("Content-Disposition").firstValue()).contains("filename=\"pace42-plan.ics\"");
    }

    @Test
    void a429IsRetriedAfterDiscordsRetryAfter() throws Exception {
        api.server.stubFor(patch(urlPathMatching(".*/@original")).inScenario("limited").whenScenarioStateIs(STARTED)
                .willReturn(DiscordApiStub.rateLimited(1.5)).willSetStateTo("free"));
        api.server.stubFor(patch(urlPathMatching(".*/@original")).inScenario("limited").whenScenarioStateIs("free")
                .willReturn(okJson(DiscordApiStub.MESSAGE)));
        sender.editOriginal(REF, OutboundMessage.text("hello")).get();
        assertThat(api.requests(".*/@original")).hasSize(2);
        assertThat(scheduler.waits()).containsExactly(Duration.ofMillis(1500));
    }

    @Test
    void aWaitingSendHoldsNoThreadAndSendsNothingUntilItsTime() throws Exception {
        RecordingScheduler held = RecordingScheduler.held();
        api.server.stubFor(patch(urlPathMatching(".*/@original")).inScenario("limited").whenScenarioStateIs(STARTED)
                .willReturn(DiscordApiStub.rateLimited(2.25)).willSetStateTo("free"));
        api.server.stubFor(patch(urlPathMatching(".*/@original")).inScenario("limited").whenScenarioStateIs("free")
                .willReturn(okJson(DiscordApiStub.MESSAGE)));
        var sent = sender(held).editOriginal(REF, OutboundMessage.text("hello"));
        held.runNext(); // the first attempt gets the 429 and returns its thread
        assertThat(sent).isNotDone();
        assertThat(held.pending()).isEqualTo(1);
        assertThat(held.waits()).containsExactly(Duration.ofMillis(2250));
        assertThat(api.requests(".*/@original")).hasSize(1);
        held.runNext();
        sent.get();
        assertThat(api.requests(".*/@original")).hasSize(2);
    }

    @Test
    void aRateLimitNamedOnlyInHeadersIsRead() throws Exception {
        api.server.stubFor(post(urlPathMatching("/api/v10/webhooks/.*")).inScenario("h").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "4")
                        .withHeader("X-RateLimit-Reset-After", "3.5").withHeader("X-RateLimit-Scope", "shared"))
                .willSetStateTo("free"));
        api.server.stubFor(post(urlPathMatching("/api/v10/webhooks/.*")).inScenario("h").whenScenarioStateIs("free")
                .willReturn(okJson(DiscordApiStub.MESSAGE)));
        sender.followUp(REF, OutboundMessage.text("x"), false).get();
        // The precise reset wins over the whole-second Retry-After.
        assertThat(scheduler.waits()).containsExactly(Duration.ofMillis(3500));
    }

    @Test
    void aGlobalRateLimitHoldsOtherRoutesWithoutCallingDiscord() throws Exception {
        RecordingScheduler held = RecordingScheduler.held();
        RestSender paced = sender(held);
        api.server.stubFor(patch(urlPathMatching(".*/@original")).inScenario("g").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withHeader("Retry-After", "3").withHeader("X-RateLimit-Global", "true")
                        .withHeader("X-RateLimit-Scope", "global")
                        .withBody("{\"message\":\"You are being rate limited.\",\"retry_after\":2.5,"
                                + "\"global\":true}"))
                .willSetStateTo("free"));
        api.server.stubFor(patch(urlPathMatching(".*/@original")).inScenario("g").whenScenarioStateIs("free")
                .willReturn(okJson(DiscordApiStub.MESSAGE)));
        var edit = paced.editOriginal(REF, OutboundMessage.text("a"));
        held.runNext(); // at 0 s: the edit gets the global 429 naming 2.5 s
        var followUp = paced.followUp(REF, OutboundMessage.text("b"), false);
        held.runNext(); // still at 0 s: the follow-up's first attempt, on another route
        // It never reached Discord while the global limit held; it waits out the same 2.5 s.
        assertThat(api.requests("/api/v10/webhooks/" + Fixtures.APP_ID + "/" + Fixtures.TOKEN)).isEmpty();
        assertThat(held.waits()).containsExactly(Duration.ofMillis(2500), Duration.ofMillis(2500));
        while (held.runNext()) {
            // at 2.5 s both go out
        }
        edit.get();
        followUp.get();
        assertThat(api.requests("/api/v10/webhooks/" + Fixtures.APP_ID + "/" + Fixtures.TOKEN)).hasSize(1);
        assertThat(api.requests(".*/@original")).hasSize(2);
    }

    @Test
    void theFirstEditIsRetriedWhenItOvertakesTheAcknowledgement() throws Exception {
        api.server.stubFor(patch(urlPathMatching(".*/@original")).inScenario("race").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"Unknown Webhook\",\"code\":10015}"))
                .willSetStateTo("acked"));
        api.server.stubFor(patch(urlPathMatching(".*/@original")).inScenario("race").whenScenarioStateIs("acked")
                .willReturn(okJson(DiscordApiStub.MESSAGE)));
        sender.editOriginal(REF, OutboundMessage.text("hello")).get();
        assertThat(api.requests(".*/@original")).hasSize(2);
    }

    @Test
    void aRefusalFailsWithDiscordsCodeAndNoToken() {
        api.server.stubFor(post(urlPathMatching("/api/v10/channels/.*")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Cannot send messages to this user\",\"code\":50007}")));
        assertThatThrownBy(() -> sender.toUser(Fixtures.USER_ID, OutboundMessage.text("hi")).get())
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(DiscordApiException.class)
                .hasMessageContaining("50007")
                .hasMessageNotContaining(BOT_TOKEN);
        assertThat(api.requests("/api/v10/channels/.*")).hasSize(1); // a 403 is not retried
    }

    @Test
    void aNoticeOpensTheDmWithTheBotToken() throws Exception {
        sender.toUser(Fixtures.USER_ID, OutboundMessage.text("Garmin connected")).get();
        LoggedRequest open = api.requests("/api/v10/users/@me/channels").get(0);
        assertThat(open.getHeader("Authorization")).isEqualTo("Bot " + BOT_TOKEN);
        assertThat(body(open).path("recipient_id").asText()).isEqualTo(Fixtures.USER_ID);
        LoggedRequest sent = api.requests("/api/v10/channels/" + DiscordApiStub.DM_CHANNEL + "/messages").get(0);
        assertThat(body(sent).path("content").asText()).isEqualTo("Garmin connected");
    }

    @Test
    void serverErrorsGiveUpAfterTheLastAttempt() {
        api.server.stubFor(post(urlPathMatching("/api/v10/webhooks/.*")).willReturn(aResponse().withStatus(502)));
        assertThatThrownBy(() -> sender.followUp(REF, OutboundMessage.text("x"), false).get())
                .hasCauseInstanceOf(DiscordApiException.class);
        assertThat(api.requests("/api/v10/webhooks/.*")).hasSize(sender.maxAttempts());
        // 5xx backs off by the core's policy: 500 ms doubling, one wait fewer than attempts.
        assertThat(scheduler.waits()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000),
                Duration.ofMillis(2000), Duration.ofMillis(4000));
    }
}
