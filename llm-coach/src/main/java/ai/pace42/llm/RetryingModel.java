package ai.pace42.llm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;

/**
 * One model call with bounded retries: 429 (rate limit, not quota), 5xx and time-outs are retried up to
 * {@code maxAttempts}, waiting the server's {@code Retry-After} or a short backoff, but never past the answer's
 * deadline (a wait that would end after it gives up at once). Everything else fails on the first attempt.
 */
final class RetryingModel {

    /** Waits between attempts; tests pass one that records instead of sleeping. */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private static final Logger LOG = Logger.getLogger(RetryingModel.class.getName());
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

    private final ChatModel model;
    private final int maxAttempts;
    private final Clock clock;
    private final Sleeper sleeper;

    RetryingModel(ChatModel model, int maxAttempts, Clock clock, Sleeper sleeper) {
        this.model = model;
        this.maxAttempts = maxAttempts;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    ChatResponse call(Prompt prompt, Instant deadline) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            ModelFailure failure;
            try {
                return model.call(prompt);
            } catch (ModelFailure f) {
                failure = f;
            } catch (ResourceAccessException e) {
                failure = new ModelFailure(ModelFailure.Kind.NETWORK, 0, java.util.Optional.empty(),
                        "no answer from the model server: " + e.getClass().getSimpleName());
            } catch (RestClientException | IllegalStateException | IllegalArgumentException e) {
                // An unreadable reply (e.g. tool arguments as an object where a string belongs): not retried.
                throw new ModelFailure(ModelFailure.Kind.REJECTED, 0, java.util.Optional.empty(),
                        "unreadable model reply: " + e.getClass().getSimpleName());
            }
            if (!failure.retryable() || attempt >= maxAttempts) {
                throw failure;
            }
            Duration wait = failure.retryAfter().orElse(backoff(attempt));
            if (clock.instant().plus(wait).isAfter(deadline)) {
                LOG.log(Level.INFO, "model call not retried: waiting {0} ms would pass the answer''s deadline",
                        wait.toMillis());
                throw failure;
            }
            LOG.log(Level.INFO, "model call failed ({0}, HTTP {1}); attempt {2} of {3} in {4} ms",
                    new Object[] {failure.kind(), failure.status(), attempt + 1, maxAttempts, wait.toMillis()});
            sleeper.sleep(wait);
        }
    }

    private static Duration backoff(int attempt) {
        Duration d = FIRST_BACKOFF.multipliedBy(1L << (attempt - 1));
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }
}
