package ai.pace42.llm;

import java.time.Duration;
import java.util.Optional;

/**
 * Why a model call failed, with what a retry needs: the HTTP status and the server's {@code Retry-After}.
 * Spring AI's own handler turns 429 into a non-transient error and drops {@code Retry-After}
 * (llm-weather-billing §3.2), so pace42's handler raises this instead.
 */
final class ModelFailure extends RuntimeException {

    enum Kind {
        /** 429 "rate limit reached": retry after the server's delay. */
        RATE_LIMITED(true),
        /** 429 "exceeded your current quota", 402 credits: retrying cannot help. */
        QUOTA(false),
        /** 5xx (overloaded, loading, queue full): retry with backoff. */
        SERVER(true),
        /** No answer within the read time-out, or the connection failed: retry while the deadline allows. */
        NETWORK(true),
        /** 404 model not found (Ollama: not pulled). */
        MODEL_NOT_FOUND(false),
        /** 401/403: the key is wrong. */
        AUTH(false),
        /** Any other 4xx, or a reply that could not be read. */
        REJECTED(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }
    }

    private final Kind kind;
    private final int status;
    private final Optional<Duration> retryAfter;

    ModelFailure(Kind kind, int status, Optional<Duration> retryAfter, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    Kind kind() {
        return kind;
    }

    int status() {
        return status;
    }

    boolean retryable() {
        return kind.retryable;
    }

    Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
