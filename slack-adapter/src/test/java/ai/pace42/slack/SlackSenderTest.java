package ai.pace42.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.channel.SendRetries;
import ai.pace42.bot.channel.SendRetryPolicy;
import ai.pace42.bot.testing.RecordingScheduler;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Slack sender against WireMock answering as the Web API does, waiting through the core's retry policy. */
class SlackSenderTest {

    private static final Destination DM = new Destination(null, SlackApiStub.TEAM, "D0RUNNER", "U0RUNNER", null,
            false, null);
    private static final String OK = "{\"ok\":true,\"channel\":\"D0RUNNER\",\"ts\":\"1.2\"}";

    private final SlackApiStub api = new SlackApiStub();
    private final Slack slack = slack();

    private Slack slack() {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(api.apiUrl().toString());
        config.setFailOnUnknownProperties(false);
        return Slack.getInstance(config);
    }

    @AfterEach
    void stop() throws Exception {
        slack.close();
        api.close();
    }

    private SlackSender sender(RecordingScheduler scheduler) {
        return new SlackSender(slack, new SendRetries(SendRetryPolicy.STANDARD, scheduler));
    }

    private static List<Outbound> text(String s) {
        return List.of(new Outbound.Blocks(s, new ArrayList<>()));
    }

    private void firstThen(int status, String retryAfter, String body) {
        var first = aResponse().withStatus(status).withBody(body);
        if (retryAfter != null) {
            first = first.withHeader("Retry-After", retryAfter);
        }
        api.server().stubFor(post(urlPathEqualTo("/api/chat.postMessage")).inScenario("s")
                .whenScenarioStateIs(STARTED).willReturn(first).willSetStateTo("open"));
        api.server().stubFor(post(urlPathEqualTo("/api/chat.postMessage")).inScenario("s")
                .whenScenarioStateIs("open").willReturn(okJson(OK)));
    }

    @Test
    void a429WaitsByReschedulingAndSendsNothingMeanwhile() throws Exception {
        firstThen(429, "30", "{\"ok\":false,\"error\":\"ratelimited\"}");
        RecordingScheduler held = RecordingScheduler.held();
        CompletableFuture<Integer> sent = sender(held).send(SlackApiStub.TOKEN, DM, text("hi"), "rq-1");
        held.runNext();
        assertThat(sent).isNotDone(); // the send thread returned; the retry is a scheduled task
        assertThat(held.waits()).containsExactly(Duration.ofSeconds(30));
        assertThat(api.calls("chat.postMessage")).hasSize(1);
        held.runNext();
        assertThat(sent.get()).isEqualTo(1);
        assertThat(api.calls("chat.postMessage")).hasSize(2);
    }

    @Test
    void aServerErrorIsRetriedWithBackoff() throws Exception {
        firstThen(503, null, "upstream unavailable");
        RecordingScheduler scheduler = RecordingScheduler.inline();
        assertThat(sender(scheduler).send(SlackApiStub.TOKEN, DM, text("hi"), "rq-2").get()).isEqualTo(1);
        assertThat(scheduler.waits()).containsExactly(Duration.ofMillis(500));
        assertThat(api.calls("chat.postMessage")).hasSize(2);
    }

    @Test
    void aClientErrorIsNotRetriedAndTheNextPartStillGoes() throws Exception {
        api.server().stubFor(post(urlPathEqualTo("/api/chat.postMessage")).inScenario("s")
                .whenScenarioStateIs(STARTED).willReturn(aResponse().withStatus(400).withBody("bad"))
                .willSetStateTo("open"));
        api.server().stubFor(post(urlPathEqualTo("/api/chat.postMessage")).inScenario("s")
                .whenScenarioStateIs("open").willReturn(okJson(OK)));
        RecordingScheduler scheduler = RecordingScheduler.inline();
        List<Outbound> parts = List.of(text("one").get(0), text("two").get(0));
        assertThat(sender(scheduler).send(SlackApiStub.TOKEN, DM, parts, "rq-3").get()).isEqualTo(1);
        assertThat(scheduler.waits()).isEmpty();
        assertThat(api.calls("chat.postMessage")).hasSize(2); // one per part, the refused one not repeated
    }

    @Test
    void aSlackThatKeepsLimitingIsGivenUpAfterTheBoundedAttempts() throws Exception {
        api.server().stubFor(post(urlPathEqualTo("/api/chat.postMessage")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "2").withBody("{\"ok\":false,\"error\":\"ratelimited\"}")));
        RecordingScheduler scheduler = RecordingScheduler.inline();
        assertThat(sender(scheduler).send(SlackApiStub.TOKEN, DM, text("hi"), "rq-4").get()).isZero();
        assertThat(api.calls("chat.postMessage")).hasSize(SendRetryPolicy.STANDARD.maxAttempts());
        assertThat(scheduler.waits()).hasSize(SendRetryPolicy.STANDARD.maxAttempts() - 1)
                .containsOnly(Duration.ofSeconds(2));
    }
}
