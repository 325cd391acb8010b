package ai.pace42.server;

import ai.pace42.llm.LlmSettings;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** The {@code llm:} section: which model the AI coach uses, if any, and its time and token budgets. */
public class LlmConfig {

    @JsonProperty
    private String provider = "off";

    @JsonProperty
    private String baseUrl = "";

    @JsonProperty
    private String apiKey = "";

    @JsonProperty
    private String model = "";

    @JsonProperty
    @Min(1)
    @Max(120)
    private int timeoutSeconds = 20;

    @JsonProperty
    @Min(1)
    @Max(LlmSettings.MAX_ANSWER_TOKENS)
    private int answerTokens = LlmSettings.MAX_ANSWER_TOKENS;

    @JsonProperty
    @Min(1)
    private int callTokens = 600;

    @JsonProperty
    @Min(0)
    private long monthlyTokens = 300_000;

    @JsonProperty
    @Min(1)
    @Max(5)
    private int maxAttempts = 3;

    public LlmSettings settings() {
        return new LlmSettings(LlmSettings.Provider.parse(provider), baseUrl, apiKey, model,
                Duration.ofSeconds(timeoutSeconds), answerTokens, callTokens, monthlyTokens, maxAttempts);
    }
}
