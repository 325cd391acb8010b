package ai.pace42.bot.channel;

import java.time.Duration;
import java.util.Optional;

/**
 * What a platform answered when a send did not go through, in the terms {@link SendRetryPolicy} decides on. The
 * adapter classifies its platform's answer (Discord's {@code retry_after}, Slack's {@code Retry-After}, a Bot API
 * error code) and keeps the exception its callers see once the policy gives up.
 */
public final class SendFailure extends RuntimeException {

    /** Whether trying again can help, and how the platform said so. */
    public enum Kind {
        /** 429: the platform said how long to wait (or not). */
        RATE_LIMITED,
        /** 5xx, a network failure, or a state the platform has not reached yet: try again a little later. */
        TRANSIENT,
        /** Any other 4xx: the same request fails again. */
        REFUSED
    }

    private final Kind kind;
    private final transient Duration retryAfter;
    private final RuntimeException surfaced;

    private SendFailure(Kind kind, Duration retryAfter, RuntimeException surfaced) {
        super(surfaced.getMessage(), surfaced, false, false);
        this.kind = kind;
        this.retryAfter = retryAfter;
        this.surfaced = surfaced;
    }

    /** A 429; {@code retryAfter} is what the platform named, or null when it named nothing readable. */
    public static SendFailure rateLimited(Duration retryAfter, RuntimeException surfaced) {
        return new SendFailure(Kind.RATE_LIMITED, retryAfter, surfaced);
    }

    public static SendFailure transientFailure(RuntimeException surfaced) {
        return new SendFailure(Kind.TRANSIENT, null, surfaced);
    }

    public static SendFailure refused(RuntimeException surfaced) {
        return new SendFailure(Kind.REFUSED, null, surfaced);
    }

    /** The usual reading of an HTTP status: 429 rate limited, 5xx (and 0, no answer) transient, others refused. */
    public static SendFailure ofStatus(int status, Duration retryAfter, RuntimeException surfaced) {
        if (status == 429) {
            return rateLimited(retryAfter, surfaced);
        }
        return status >= 500 || status == 0 ? transientFailure(surfaced) : refused(surfaced);
    }

    public Kind kind() {
        return kind;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The adapter's own exception, which a caller sees when the send is given up. */
    public RuntimeException surfaced() {
        return surfaced;
    }
}
