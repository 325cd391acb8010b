package ai.pace42.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The LLM coach through Spring AI's OpenAI client against a WireMock server speaking Chat Completions. */
class OpenAiCoachTest {

    private static final String PATH = "/v1/chat/completions";
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
        fx = new LlmFixture(dir, "acc_ana", "acc_ben");
        assertThat(fx.deterministic.understands(LlmFixture.question("acc_ana", FREE)))
                .as("the question is one the recogniser cannot place").isFalse();
    }

    @AfterEach
    void stop() {
        server.stop();
        fx.close();
    }

    private LlmCoach coach(Duration timeout) {
        return fx.coach(LlmFixture.settings(LlmSettings.Provider.OPENAI, server.baseUrl(), timeout));
    }

    private LlmCoach coach() {
        return coach(LlmFixture.TIMEOUT);
    }

    /** First request (no tool message yet) → {@code first}; once a tool result is in the messages → {@code then}. */
    private void stubToolThenReply(String first, String then) {
        server.stubFor(post(urlEqualTo(PATH)).atPriority(2)
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(first)));
        server.stubFor(post(urlEqualTo(PATH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.messages[?(@.role == 'tool')]"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(then)));
    }

    private List<JsonNode> bodies() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (LoggedRequest r : server.findAll(postRequestedFor(urlEqualTo(PATH)))) {
            out.add(JSON.readTree(r.getBodyAsString()));
        }
        return out;
    }

    private static List<JsonNode> messages(JsonNode body, String role) {
        List<JsonNode> out = new ArrayList<>();
        body.get("messages").forEach(m -> {
            if (role.equals(m.path("role").asText())) {
                out.add(m);
            }
        });
        return out;
    }

    @Test
    void aToolCallRoundTripAnswersWithTheModelsTextAndTheRunsChart() throws Exception {
        stubToolThenReply(OpenAiStubs.toolCall("call_1", "get_last_run", "{}"),
                OpenAiStubs.text("Your last run was a steady easy effort; keep most days this relaxed."));

        CoachAnswer answer = coach().answer(LlmFixture.question("acc_ana", FREE));

        assertThat(answer.text()).isEqualTo("Your last run was a steady easy effort; keep most days this relaxed.");
        assertThat(answer.charts()).as("the run's chart from the analysis").isNotEmpty();
        List<JsonNode> bodies = bodies();
        assertThat(bodies).hasSize(2);
        JsonNode first = bodies.get(0);
        assertThat(first.get("model").asText()).isEqualTo("test-model");
        assertThat(first.get("max_tokens").asInt()).isEqualTo(600);
        assertThat(first.get("tools")).extracting(t -> t.get("function").get("name").asText())
                .contains("get_last_run", "find_run", "get_recent_runs", "get_load_and_form", "get_zones_and_paces",
                        "predict_race", "recommend_next_run", "get_week_summary", "get_runner_notes");
        assertThat(messages(first, "user")).extracting(m -> m.get("content").asText()).containsExactly(FREE);
        JsonNode tool = messages(bodies.get(1), "tool").get(0);
        assertThat(tool.get("tool_call_id").asText()).isEqualTo("call_1");
        JsonNode result = JSON.readTree(tool.get("content").asText());
        assertThat(result.get("tool").asText()).isEqualTo("get_last_run");
        assertThat(result.get("report").asText()).as("the deterministic coach's own report of that run")
                .isEqualTo(Sanitise.text(fx.standard("acc_ana", "analyze my last run").details().orElseThrow(),
                        CoachTools.MAX_REPORT_CHARS));
        server.verify(postRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer sk-test-key")));
        for (LoggedRequest r : server.findAll(postRequestedFor(urlEqualTo(PATH)))) {
            assertThat(r.getBodyAsString()).as("no account or request id reaches the model")
                    .doesNotContain("acc_ana").doesNotContain("req-");
        }
        assertThat(fx.usage.thisMonth("acc_ana")).isEqualTo(new UsageLedger.Month(1, 200, 40));
        assertThat(fx.conversation.recent("acc_ana")).extracting(t -> t.content())
                .containsExactly(FREE, answer.text());
    }

    @Test
    void malformedToolArgumentsComeBackToTheModelAsAnErrorItCanCorrect() throws Exception {
        stubToolThenReply(OpenAiStubs.toolCall("call_1", "get_recent_runs", "{\"count\": 3"),
                OpenAiStubs.text("I could not read your recent runs just now."));

        CoachAnswer answer = coach().answer(LlmFixture.question("acc_ana", FREE));

        assertThat(answer.text()).isEqualTo("I could not read your recent runs just now.");
        JsonNode result = JSON.readTree(messages(bodies().get(1), "tool").get(0).get("content").asText());
        assertThat(result.get("error").asText()).isEqualTo("invalid_arguments");
    }

    @Test
    void anUnknownToolNameIsAnsweredWithTheToolsThatExist() throws Exception {
        stubToolThenReply(OpenAiStubs.toolCall("call_9", "get_weather", "{\"city\":\"Berlin\"}"),
                OpenAiStubs.text("I have no weather data, but your training data is here."));

        CoachAnswer answer = coach().answer(LlmFixture.question("acc_ana", FREE));

        assertThat(answer.text()).isEqualTo("I have no weather data, but your training data is here.");
        JsonNode result = JSON.readTree(messages(bodies().get(1), "tool").get(0).get("content").asText());
        assertThat(result.get("error").asText()).isEqualTo("unknown_tool");
        assertThat(result.get("message").asText()).contains("get_last_run", "predict_race");
    }

    @Test
    void anInventedNumberIsNamedInOneRepromptThenTheStandardAnswerIsSent() throws Exception {
        stubToolThenReply(OpenAiStubs.toolCall("call_1", "get_last_run", "{}"),
                OpenAiStubs.text("You ran 42.7 km at 3:05 /km, a big day."));

        CoachAnswer answer = coach().answer(LlmFixture.question("acc_ana", FREE));

        List<JsonNode> bodies = bodies();
        assertThat(bodies).as("tool round, answer, one re-prompt").hasSize(3);
        List<JsonNode> users = messages(bodies.get(2), "user");
        assertThat(users.get(users.size() - 1).get("content").asText()).contains("42.7 km", "3:05 /km");
        assertThat(answer.text()).startsWith("**Note:**").contains("LLM_UNGROUNDED", "ref req-")
                .endsWith(fx.standard("acc_ana", FREE).text()).doesNotContain("42.7");
    }

    @Test
    void aRateLimitIsRetriedAfterTheServersRetryAfter() throws Exception {
        server.stubFor(post(urlEqualTo(PATH)).inScenario("rl").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")
                        .withHeader("Content-Type", "application/json")
                        .withBody(OpenAiStubs.error("Rate limit reached for requests", "requests", "rate_limit_exceeded")))
                .willSetStateTo("ok"));
        server.stubFor(post(urlEqualTo(PATH)).inScenario("rl").whenScenarioStateIs("ok")
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(OpenAiStubs.text("Mostly easy is right; keep going."))));

        CoachAnswer answer = coach().answer(LlmFixture.question("acc_ana", FREE));

        assertThat(answer.text()).isEqualTo("Mostly easy is right; keep going.");
        assertThat(fx.sleeps).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void aSpentQuotaIsNotRetried() throws Exception {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withBody(OpenAiStubs.error("You exceeded your current quota, please check your plan and billing "
                        + "details.", "insufficient_quota", "insufficient_quota"))));

        CoachAnswer answer = coach().answer(LlmFixture.question("acc_ana", FREE));

        assertThat(bodies()).hasSize(1);
        assertThat(fx.sleeps).isEmpty();
        assertThat(answer.text()).contains("LLM_QUOTA").endsWith(fx.standard("acc_ana", FREE).text());
    }

    @Test
    void serverErrorsAreRetriedThreeTimesThenTheStandardAnswerIsSent() throws Exception {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody(OpenAiStubs.error("The server had an error while processing your request.", "server_error",
                        null))));

        CoachAnswer answer = coach().answer(LlmFixture.question("acc_ana", FREE));

        assertThat(bodies()).hasSize(3);
        assertThat(fx.sleeps).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(answer.text()).startsWith("**Note:**").contains("LLM_UNAVAILABLE", "ref req-")
                .endsWith(fx.standard("acc_ana", FREE).text());
    }

    @Test
    void aModelThatDoesNotAnswerInTimeGivesTheStandardAnswer() {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withFixedDelay(3_000)
                .withHeader("Content-Type", "application/json").withBody(OpenAiStubs.text("too late"))));

        CoachAnswer answer = coach(Duration.ofMillis(700)).answer(LlmFixture.question("acc_ana", FREE));

        assertThat(answer.text()).contains("LLM_TIMEOUT").doesNotContain("too late")
                .endsWith(fx.standard("acc_ana", FREE).text());
    }

    @Test
    void anUnknownModelIsNotRetried() throws Exception {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody(OpenAiStubs.error("The model `test-model` does not exist or you do not have access to it.",
                        "invalid_request_error", "model_not_found"))));

        CoachAnswer answer = coach().answer(LlmFixture.question("acc_ana", FREE));

        assertThat(bodies()).hasSize(1);
        assertThat(answer.text()).contains("LLM_MODEL_NOT_FOUND").endsWith(fx.standard("acc_ana", FREE).text());
    }

    @Test
    void knownQuestionsAndMedicalRedFlagsNeverReachTheModel() {
        LlmCoach coach = coach();

        CoachAnswer known = coach.answer(LlmFixture.question("acc_ana", "Analyze my last run"));
        CoachAnswer medical = coach.answer(LlmFixture.question("acc_ana", "I get chest pain when I run, what pace?"));

        assertThat(known.text()).isEqualTo(fx.standard("acc_ana", "Analyze my last run").text());
        assertThat(medical.text()).isEqualTo(fx.standard("acc_ana", "I get chest pain when I run, what pace?").text())
                .contains("medical care");
        assertThat(server.findAll(postRequestedFor(urlEqualTo(PATH)))).isEmpty();
    }

    /** Amsterdam's forecast as Open-Meteo would give it: rain (80%, 1.5 mm) 07:00–09:00 every day, 9 °C otherwise. */
    private static final class RainyMornings implements ai.pace42.coach.weather.WeatherProvider {
        @Override
        public ai.pace42.coach.weather.Forecast forecast(double latitude, double longitude, int days) {
            java.time.Instant start = java.time.LocalDate.of(2026, 12, 1).atStartOfDay(LlmFixture.ZONE).toInstant();
            List<ai.pace42.coach.weather.HourlyWeather> hours = new ArrayList<>();
            for (int i = 0; i < 24 * 10; i++) {
                java.time.Instant t = start.plusSeconds(3600L * i);
                int h = t.atZone(LlmFixture.ZONE).getHour();
                boolean wet = h >= 7 && h < 9;
                hours.add(new ai.pace42.coach.weather.HourlyWeather(t, 9, 4, 7, wet ? 80 : 5, wet ? 1.5 : 0,
                        wet ? 63 : 1, 10, 18, 1, h >= 8 && h < 17 ? 1 : 0));
            }
            return new ai.pace42.coach.weather.Forecast(latitude, longitude, LlmFixture.ZONE, hours);
        }

        @Override
        public java.util.Optional<ai.pace42.coach.weather.HourlyWeather> historical(double latitude,
                                                                                   double longitude,
                                                                                   java.time.Instant at) {
            return java.util.Optional.empty();
        }

        @Override
        public List<ai.pace42.coach.weather.Place> search(String name) {
            return List.of();
        }
    }

    /** Whose home the weather coach was asked for. */
    private final List<String> homesAsked = new ArrayList<>();

    private LlmCoach coachWithWeather() {
        ai.pace42.coach.weather.Place amsterdam = new ai.pace42.coach.weather.Place("Amsterdam", "North Holland",
                "Netherlands", 52.37, 4.89, LlmFixture.ZONE);
        ai.pace42.coach.weather.HomeLocations homes = new ai.pace42.coach.weather.HomeLocations() {
            @Override
            public java.util.Optional<ai.pace42.coach.weather.Place> home(String accountId) {
                homesAsked.add(accountId);
                return java.util.Optional.of(amsterdam);
            }

            @Override
            public void propose(String accountId, ai.pace42.coach.weather.Place place) {
            }
        };
        ai.pace42.coach.weather.WeatherCoach weather = new ai.pace42.coach.weather.WeatherCoach(fx.deterministic,
                new RainyMornings(), homes, id -> java.util.Optional.empty());
        return fx.coachWithWeather(LlmFixture.settings(LlmSettings.Provider.OPENAI, server.baseUrl(),
                LlmFixture.TIMEOUT), weather);
    }

    @Test
    void theWeatherToolAnswersForTheConversationsRunnerAndItsNumbersGroundTheReply() throws Exception {
        stubToolThenReply(OpenAiStubs.toolCall("call_w", "get_weather",
                        "{\"kind\":\"rain\",\"day\":\"tomorrow\",\"part\":\"morning\"}"),
                OpenAiStubs.text("Tomorrow morning has up to 80% chance of rain early on; run after it clears."));

        CoachAnswer answer = coachWithWeather().answer(LlmFixture.question("acc_ana", FREE));

        assertThat(answer.text()).isEqualTo("Tomorrow morning has up to 80% chance of rain early on; run after it clears.");
        assertThat(answer.charts()).as("the forecast chart of the weather answer").hasSize(1);
        List<JsonNode> bodies = bodies();
        assertThat(bodies.get(0).get("tools")).extracting(t -> t.get("function").get("name").asText())
                .contains("get_weather", "get_last_run");
        JsonNode result = JSON.readTree(messages(bodies.get(1), "tool").get(0).get("content").asText());
        assertThat(result.get("tool").asText()).isEqualTo("get_weather");
        assertThat(result.get("report").asText())
                .contains("Tomorrow morning in Amsterdam, North Holland, Netherlands: rain likely** from 07:00 to 09:00")
                .contains("up to 80%").contains("Conditions score");
        assertThat(homesAsked).containsOnly("acc_ana");
    }

    @Test
    void aWeatherReplyWithANumberTheForecastDoesNotHaveFallsBackToTheStandardAnswer() throws Exception {
        stubToolThenReply(OpenAiStubs.toolCall("call_w", "get_weather", "{\"kind\":\"rain\",\"day\":\"tomorrow\"}"),
                OpenAiStubs.text("Tomorrow brings a 95% chance of rain all day."));

        CoachAnswer answer = coachWithWeather().answer(LlmFixture.question("acc_ana", FREE));

        assertThat(answer.text()).contains("LLM_UNGROUNDED").doesNotContain("95%");
    }

    @Test
    void weatherArgumentsOutsideTheirListsAreAnErrorTheModelCanCorrect() throws Exception {
        stubToolThenReply(OpenAiStubs.toolCall("call_w", "get_weather", "{\"kind\":\"snowfall\",\"day\":\"someday\"}"),
                OpenAiStubs.text("I could not check the forecast just now."));

        coachWithWeather().answer(LlmFixture.question("acc_ana", FREE));

        JsonNode result = JSON.readTree(messages(bodies().get(1), "tool").get(0).get("content").asText());
        assertThat(result.get("error").asText()).isEqualTo("invalid_arguments");
        assertThat(homesAsked).isEmpty();
    }
}
