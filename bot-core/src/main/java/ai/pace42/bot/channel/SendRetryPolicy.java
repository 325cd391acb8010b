package ai.pace42.bot.channel;

import java.time.Duration;
import java.util.Optional;

/**
 * The one answer to "a send failed: wait how long, or give up?" for every platform. A 429 waits what the
 * platform named (capped), or backs off when it named nothing; a transient failure backs off exponentially from
 * {@code base}; a refusal is never retried; nothing is tried more than {@code maxAttempts} times, rate limits
 * included, so a platform that keeps answering 429 cannot hold a reply forever.
 */
public record SendRetryPolicy(int maxAttempts, Duration base, Duration maxWait) {

    /** Five attempts, 500 ms doubling, no single wait over a minute. */
    public static final SendRetryPolicy STANDARD = new SendRetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(60));

    public SendRetryPolicy {
        if (maxAttempts < 1 || base.isNegative() || maxWait.compareTo(base) < 0) {
            throw new IllegalArgumentException("attempts >= 1 and 0 <= base <= maxWait");
        }
    }

    /**
     * @param attemptsMade attempts so far, the failed one included (1 after the first)
     * @return how long to wait before the next attempt, or empty to give up
     */
    public Optional<Duration> waitAfter(int attemptsMade, SendFailure failure) {
        if (failure.kind() == SendFailure.Kind.REFUSED || attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        Duration wait = failure.kind() == SendFailure.Kind.RATE_LIMITED && failure.retryAfter().isPresent()
                ? failure.retryAfter().get()
                : backoff(attemptsMade);
        return Optional.of(wait.compareTo(maxWait) > 0 ? maxWait : wait);
    }

    private Duration backoff(int attemptsMade) {
        int doublings = Math.min(attemptsMade - 1, 20);
        return base.multipliedBy(1L << doublings);
    }
}
