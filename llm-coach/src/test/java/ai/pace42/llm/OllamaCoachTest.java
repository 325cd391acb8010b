package ai.pace42.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.coach.CoachAnswer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The LLM coach through Spring AI's Ollama client against a WireMock server speaking /api/chat. */
class OllamaCoachTest {

    private static final String PATH = "/api/chat";
    private static final String FREE = "Am I doing enough easy running at the moment?";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private WireMockServer server;
    private LlmFixture fx;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        fx = new LlmFixture(dir, "acc_ana");
    }

    @AfterEach
    void stop() {
        server.stop();
        fx.close();
    }

    private LlmCoach coach() {
        return fx.coach(LlmFixture.settings(LlmSettings.Provider.OLLAMA, server.baseUrl(), LlmFixture.TIMEOUT));
    }

    @Test
    void aToolCallWithObjectArgumentsRoundTrips() throws Exception {
        server.stubFor(post(urlEqualTo(PATH)).atPriority(2).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody(OpenAiStubs.ollamaToolCall("get_recent_runs", "{\"count\": 2}"))));
        server.stubFor(post(urlEqualTo(PATH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.messages[?(@.role == 'tool')]"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(OpenAiStubs.ollamaText("Your last two runs were both relaxed."))));

        CoachAnswer answer = coach().answer(LlmFixture.question("acc_ana", FREE));

        assertThat(answer.text()).isEqualTo("Your last two runs were both relaxed.");
        List<JsonNode> bodies = server.findAll(postRequestedFor(urlEqualTo(PATH))).stream().map(r -> {
            try {
                return JSON.readTree(r.getBodyAsString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(bodies).hasSize(2);
        assertThat(bodies.get(0).get("stream").asBoolean()).isFalse();
        assertThat(bodies.get(0).get("options").get("num_predict").asInt()).isEqualTo(600);
        JsonNode tool = null;
        for (JsonNode m : bodies.get(1).get("messages")) {
            if ("tool".equals(m.path("role").asText())) {
                tool = m;
            }
        }
        assertThat(tool).isNotNull();
        JsonNode result = JSON.readTree(tool.get("content").asText());
        assertThat(result.get("report").asText())
                .isEqualTo(Sanitise.text(fx.standard("acc_ana", "compare my last 2 runs").text(), CoachTools.MAX_REPORT_CHARS));
        assertThat(fx.usage.thisMonth("acc_ana")).isEqualTo(new UsageLedger.Month(1, 160, 30));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"error\":\"model 'test-model' not found\"}",
            "{\"error\":\"model \\\"test-model\\\" not found, try pulling it first\"}"})
    void aModelThatIsNotPulledGivesTheStandardAnswerWithItsCode(String body) {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody(body)));

        CoachAnswer answer = coach().answer(LlmFixture.question("acc_ana", FREE));

        assertThat(server.findAll(postRequestedFor(urlEqualTo(PATH)))).hasSize(1);
        assertThat(answer.text()).contains("LLM_MODEL_NOT_FOUND").endsWith(fx.standard("acc_ana", FREE).text());
    }

    @Test
    void aFullQueueIsRetried() {
        server.stubFor(post(urlEqualTo(PATH)).inScenario("q").whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"server busy, please try again.  maximum pending requests exceeded\"}"))
                .willSetStateTo("free"));
        server.stubFor(post(urlEqualTo(PATH)).inScenario("q").whenScenarioStateIs("free")
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(OpenAiStubs.ollamaText("Keep it easy."))));

        assertThat(coach().answer(LlmFixture.question("acc_ana", FREE)).text()).isEqualTo("Keep it easy.");
        assertThat(fx.sleeps).containsExactly(Duration.ofMillis(500));
    }
}
