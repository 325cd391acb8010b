package ai.pace42.llm;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.ollama.OllamaChatModel;
import org.springframework.ai.ollama.api.OllamaApi;
import org.springframework.ai.ollama.api.OllamaChatOptions;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.api.OpenAiApi;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.web.client.RestClient;

/**
 * A Spring AI chat model for the configured provider, built without Spring Boot (llm-weather-billing §3; Ollama's default never pulls a model), and the
 * options of each call. The choices that matter: Spring AI's own retry is off (one attempt; {@link RetryingModel}
 * retries within the answer's deadline and honours {@code Retry-After}); internal tool execution is off (its loop
 * has no limit; {@link LlmCoach} runs the tools itself); the JDK HTTP client speaks HTTP/1.1 (its h2c upgrade over
 * plain http stalls on some servers) with connect and read time-outs; {@code max_tokens}, not
 * {@code max_completion_tokens}, because Ollama's /v1 reads only the first.
 */
record ModelBackend(ChatModel model, LlmSettings settings) {

    private static final double TEMPERATURE = 0.2;

    static ModelBackend create(LlmSettings settings, Clock clock) {
        RestClient.Builder rest = RestClient.builder().requestFactory(requestFactory(settings.timeout()));
        RetryTemplate once = RetryTemplate.builder().maxAttempts(1).build();
        ModelErrorHandler errors = new ModelErrorHandler(clock);
        ChatModel model = switch (settings.provider()) {
            case OPENAI -> OpenAiChatModel.builder()
                    .openAiApi(OpenAiApi.builder().baseUrl(settings.baseUrl())
                            .apiKey(settings.apiKey().isEmpty() ? "none" : settings.apiKey())
                            .restClientBuilder(rest).responseErrorHandler(errors).build())
                    .defaultOptions(OpenAiChatOptions.builder().model(settings.model()).temperature(TEMPERATURE).build())
                    .retryTemplate(once).build();
            case OLLAMA -> OllamaChatModel.builder()
                    .ollamaApi(OllamaApi.builder().baseUrl(settings.baseUrl()).restClientBuilder(rest)
                            .responseErrorHandler(errors).build())
                    .defaultOptions(OllamaChatOptions.builder().model(settings.model()).temperature(TEMPERATURE).build())
                    .retryTemplate(once).build();
            case OFF -> throw new IllegalStateException("the LLM coach is off");
        };
        return new ModelBackend(model, settings);
    }

    /** The options of one call: the tools (their schemas only) and the completion tokens it may use. */
    ChatOptions options(List<ToolCallback> tools, int maxTokens) {
        return switch (settings.provider()) {
            case OLLAMA -> OllamaChatOptions.builder().model(settings.model()).temperature(TEMPERATURE)
                    .numPredict(maxTokens).toolCallbacks(tools).internalToolExecutionEnabled(false).build();
            default -> OpenAiChatOptions.builder().model(settings.model()).temperature(TEMPERATURE)
                    .maxTokens(maxTokens).toolCallbacks(tools).internalToolExecutionEnabled(false).build();
        };
    }

    private static JdkClientHttpRequestFactory requestFactory(Duration timeout) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout.compareTo(Duration.ofSeconds(5)) < 0 ? timeout : Duration.ofSeconds(5))
                .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(timeout);
        return factory;
    }
}
