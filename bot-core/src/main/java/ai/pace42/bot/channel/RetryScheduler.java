package ai.pace42.bot.channel;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task after a delay. Sends wait through it instead of sleeping, so no thread is held while a platform
 * asks us to wait; tests pass one that records the delay and runs the task at once.
 */
@FunctionalInterface
public interface RetryScheduler {

    /** @throws java.util.concurrent.RejectedExecutionException when the scheduler was stopped */
    void after(Duration delay, Runnable task);

    static RetryScheduler of(ScheduledExecutorService executor) {
        return (delay, task) -> executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    }
}
