package ai.pace42.llm;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How the LLM coach reaches its model and what one answer and one month may cost. Off unless a provider is set.
 *
 * @param provider            off, an OpenAI-compatible server (OpenAI, vLLM, llama.cpp, LM Studio, OpenRouter,
 *                            Ollama's /v1) or Ollama's own API
 * @param baseUrl             the server without the API path, e.g. {@code https://api.openai.com} or
 *                            {@code http://localhost:11434}
 * @param apiKey              sent as a Bearer token (OpenAI-compatible); empty for servers without keys
 * @param model               the model name, e.g. {@code gpt-4o-mini} or {@code llama3.2}
 * @param timeout             the deadline of one whole answer (every model call, retry and tool included)
 * @param answerTokens        completion tokens one answer may use across all its model calls (≤ 2,000)
 * @param callTokens          {@code max_tokens} of one model call
 * @param monthlyTokens       prompt plus completion tokens an account may use per calendar month (UTC)
 * @param maxAttempts         attempts per model call on 429, 5xx and time-outs
 */
public record LlmSettings(Provider provider, String baseUrl, String apiKey, String model, Duration timeout,
                          int answerTokens, int callTokens, long monthlyTokens, int maxAttempts) {

    public enum Provider {
        OFF, OPENAI, OLLAMA;

        public static Provider parse(String value) {
            String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
            return switch (v) {
                case "", "off", "none", "false" -> OFF;
                case "openai", "openai-compatible" -> OPENAI;
                case "ollama" -> OLLAMA;
                default -> throw new IllegalArgumentException("llm.provider must be off, openai or ollama, not '"
                        + value + "'");
            };
        }
    }

    public static final int MAX_ANSWER_TOKENS = 2_000;

    public LlmSettings {
        Objects.requireNonNull(provider, "provider");
        baseUrl = baseUrl == null ? "" : baseUrl.strip().replaceAll("/+$", "");
        apiKey = apiKey == null ? "" : apiKey.strip();
        model = model == null ? "" : model.strip();
        Objects.requireNonNull(timeout, "timeout");
        if (provider != Provider.OFF) {
            if (baseUrl.isEmpty() && provider == Provider.OLLAMA) {
                baseUrl = "http://localhost:11434";
            }
            if (baseUrl.isEmpty()) {
                baseUrl = "https://api.openai.com";
            }
            if (model.isEmpty()) {
                throw new IllegalArgumentException("llm.model (PACE42_LLM_MODEL) is required when the LLM coach is on");
            }
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("llm.timeout must be positive");
            }
        }
        if (answerTokens < 1 || answerTokens > MAX_ANSWER_TOKENS) {
            throw new IllegalArgumentException("llm.answerTokens must be 1.." + MAX_ANSWER_TOKENS);
        }
        if (callTokens < 1 || monthlyTokens < 0 || maxAttempts < 1 || maxAttempts > 5) {
            throw new IllegalArgumentException("llm.callTokens ≥ 1, monthlyTokens ≥ 0, maxAttempts 1..5");
        }
    }

    public static LlmSettings off() {
        return new LlmSettings(Provider.OFF, "", "", "", Duration.ofSeconds(20), MAX_ANSWER_TOKENS, 600, 0, 3);
    }

    public boolean enabled() {
        return provider != Provider.OFF;
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "LlmSettings[" + provider + ", " + model + ", timeout " + timeout + "]";
    }
}
