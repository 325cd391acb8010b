package ai.pace42.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The shipped configuration with only the {@code llm} settings changed serves the AI coach: a free-form question
 * in the browser chat goes to an Ollama server (WireMock, /api/chat), known questions do not, /status says so.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class LlmCoachServerTest {

    private static final WireMockServer OLLAMA = started();
    static final DropwizardAppExtension<Pace42Configuration> APP = TestServers.sqlite(
            ConfigOverride.config("llm.provider", "ollama"),
            ConfigOverride.config("llm.baseUrl", OLLAMA.baseUrl()),
            ConfigOverride.config("llm.model", "llama3.2"),
            ConfigOverride.config("llm.timeoutSeconds", "90"));

    private static WireMockServer started() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        server.stubFor(post(urlEqualTo("/api/chat")).atPriority(2).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"model\":\"llama3.2\",\"created_at\":\"2026-12-02T08:00:00Z\",\"message\":{\"role\":"
                        + "\"assistant\",\"content\":\"\",\"tool_calls\":[{\"id\":\"call_ab12cd34\",\"function\":"
                        + "{\"index\":0,\"name\":\"get_load_and_form\",\"arguments\":{}}}]},\"done_reason\":\"stop\","
                        + "\"done\":true,\"prompt_eval_count\":80,\"eval_count\":15}")));
        server.stubFor(post(urlEqualTo("/api/chat")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.messages[?(@.role == 'tool')]"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"model\":\"llama3.2\",\"created_at\":\"2026-12-02T08:00:01Z\",\"message\":"
                                + "{\"role\":\"assistant\",\"content\":\"Keep most of your running relaxed this "
                                + "week.\"},\"done_reason\":\"stop\",\"done\":true,\"prompt_eval_count\":300,"
                                + "\"eval_count\":12}")));
        return server;
    }

    @AfterAll
    static void stop() {
        OLLAMA.stop();
    }

    @Test
    void freeFormQuestionsGoToTheModelAndKnownOnesDoNot() {
        ChatClient chat = new ChatClient(APP.getLocalPort());
        chat.say("/sample");

        assertThat(chat.say("Am I doing enough easy running at the moment?").text().strip())
                .isEqualTo("Keep most of your running relaxed this week.");
        assertThat(OLLAMA.findAll(postRequestedFor(urlEqualTo("/api/chat")))).hasSize(2);
        assertThat(chat.say("Analyze my last run").text()).as("the standard concise run answer")
                .contains("Reply \"details\" for splits, zones and the full breakdown.");
        assertThat(OLLAMA.findAll(postRequestedFor(urlEqualTo("/api/chat")))).as("known intents stay deterministic")
                .hasSize(2);
        assertThat(chat.say("/status").text()).contains("the AI coach (ollama, llama3.2)", "this month 407 of 300000 tokens");
        assertThat(chat.say("/memory goal Berlin half in April").text()).contains("Berlin half in April");
        assertThat(chat.say("/forget").text()).contains("forgotten our conversation (4 messages)");
    }
}
