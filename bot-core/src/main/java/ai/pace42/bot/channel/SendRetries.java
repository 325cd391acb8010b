package ai.pace42.bot.channel;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends with {@link SendRetryPolicy}: each attempt runs on the scheduler, and a wait is a rescheduled attempt,
 * never a sleeping thread. The attempt throws {@link SendFailure} to ask for the policy's decision; once the
 * policy gives up the future fails with the adapter's own exception. {@code what} names the call for the log
 * and must not hold a token.
 */
public final class SendRetries {

    private static final Logger LOG = LoggerFactory.getLogger(SendRetries.class);

    /** One try at a platform call. */
    @FunctionalInterface
    public interface Attempt<T> {
        T call() throws SendFailure;
    }

    private final SendRetryPolicy policy;
    private final RetryScheduler scheduler;

    public SendRetries(SendRetryPolicy policy, RetryScheduler scheduler) {
        this.policy = policy;
        this.scheduler = scheduler;
    }

    public SendRetryPolicy policy() {
        return policy;
    }

    public <T> CompletableFuture<T> run(String what, String requestId, Attempt<T> attempt) {
        CompletableFuture<T> done = new CompletableFuture<>();
        schedule(Duration.ZERO, () -> step(what, requestId, attempt, 1, done), done);
        return done;
    }

    private <T> void step(String what, String requestId, Attempt<T> attempt, int n, CompletableFuture<T> done) {
        try {
            done.complete(attempt.call());
        } catch (SendFailure failure) {
            Optional<Duration> wait = policy.waitAfter(n, failure);
            if (wait.isEmpty()) {
                LOG.warn("{} for request {} given up after {} attempt(s): {}", what, requestId, n,
                        failure.surfaced().getMessage());
                done.completeExceptionally(failure.surfaced());
                return;
            }
            LOG.info("{} for request {} failed ({}, attempt {}): retrying in {} ms", what, requestId,
                    failure.kind(), n, wait.get().toMillis());
            schedule(wait.get(), () -> step(what, requestId, attempt, n + 1, done), done);
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
    }

    private void schedule(Duration delay, Runnable task, CompletableFuture<?> done) {
        try {
            scheduler.after(delay, task);
        } catch (RejectedExecutionException stopped) {
            done.completeExceptionally(stopped);
        }
    }
}
