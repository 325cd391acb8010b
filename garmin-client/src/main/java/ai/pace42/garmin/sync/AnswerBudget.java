package ai.pace42.garmin.sync;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * One time budget for all Garmin calls of one answer (not per attempt: three 10 s time-outs in a row made a
 * runner wait 30 s). The calls run on a shared executor; when the budget is spent the answer goes on without
 * them while they finish in the background and fill the cache for the next question.
 * <p>
 * One per account source. An account's answers run one at a time, so one deadline per source is enough.
 */
public final class AnswerBudget {

    private final Executor executor;
    private final long budgetNanos;
    private volatile long deadline = Long.MIN_VALUE;

    public AnswerBudget(Executor executor, Duration budget) {
        this.executor = executor;
        this.budgetNanos = Math.max(1, budget.toNanos());
    }

    /** A new answer begins: it has the whole budget. */
    public void start() {
        deadline = System.nanoTime() + budgetNanos;
    }

    /**
     * The work's result if it is done within what is left of the budget; empty otherwise (it keeps running).
     * A call long after the last answer started (a command, a background job) gets a budget of its own.
     */
    public <T> Optional<T> await(Supplier<T> work) {
        return await(work, late -> { });
    }

    /**
     * Like {@link #await(Supplier)}; when the budget runs out first, {@code late} gets the result once the work
     * finishes in the background (not when it fails), so the runner can be told that newer data arrived.
     */
    public <T> Optional<T> await(Supplier<T> work, java.util.function.Consumer<T> late) {
        long now = System.nanoTime();
        if (now - deadline > budgetNanos) {
            start();
        }
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        CompletableFuture<T> future;
        try {
            future = CompletableFuture.supplyAsync(() -> withMdc(mdc, work), executor);
        } catch (RejectedExecutionException e) {
            return Optional.empty(); // every worker busy: as good as slow
        }
        try {
            long left = deadline - System.nanoTime();
            return Optional.ofNullable(left > 0 ? future.get(left, TimeUnit.NANOSECONDS) : future.getNow(null));
        } catch (TimeoutException e) {
            future.thenAccept(late);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** The request id travels into the worker, so its log lines name the question that started them. */
    private static <T> T withMdc(Map<String, String> mdc, Supplier<T> work) {
        Map<String, String> before = MDC.getCopyOfContextMap();
        if (mdc == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(mdc);
        }
        try {
            return work.get();
        } finally {
            if (before == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(before);
            }
        }
    }
}
