package ai.pace42.bot.concurrent;

import ai.pace42.bot.error.ErrorCode;
import ai.pace42.bot.error.Pace42Exception;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * Runs tasks with the same key one at a time in submission order, and tasks with different keys in parallel on
 * a shared pool. At most {@code maxPending} tasks wait or run at once; beyond that a submission fails fast
 * with {@link ErrorCode#BUSY} instead of queueing without bound. The caller's MDC travels with each task.
 */
public final class KeyedSerialExecutor {

    private final ExecutorService pool;
    private final Semaphore pending;
    private final int maxPending;
    private final Map<String, CompletableFuture<?>> tails = new ConcurrentHashMap<>();

    public KeyedSerialExecutor(ExecutorService pool, int maxPending) {
        this.pool = pool;
        this.pending = new Semaphore(maxPending);
        this.maxPending = maxPending;
    }

    /** Messages waiting or running now (the queue depth the metrics show). */
    public int pending() {
        return maxPending - pending.availablePermits();
    }

    public <T> CompletableFuture<T> submit(String key, Supplier<T> task) {
        if (!pending.tryAcquire()) {
            return CompletableFuture.failedFuture(new Pace42Exception(ErrorCode.BUSY));
        }
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        Supplier<T> withMdc = () -> {
            Map<String, String> previous = MDC.getCopyOfContextMap();
            setMdc(mdc);
            try {
                return task.get();
            } finally {
                setMdc(previous);
            }
        };
        @SuppressWarnings("unchecked")
        CompletableFuture<T>[] queued = new CompletableFuture[1];
        tails.compute(key, (k, tail) -> {
            CompletableFuture<?> previous = tail == null ? CompletableFuture.completedFuture(null) : tail;
            // handle(): a failed predecessor must not stop its successors.
            queued[0] = previous.handle((ignored, error) -> null).thenApplyAsync(ignored -> withMdc.get(), pool);
            return queued[0];
        });
        CompletableFuture<T> next = queued[0];
        // Registered outside compute(): a callback that runs at once must not modify the map inside compute().
        return next.handle((value, error) -> {
            pending.release();
            tails.remove(key, next);
            if (error != null) {
                throw error instanceof java.util.concurrent.CompletionException ce ? ce
                        : new java.util.concurrent.CompletionException(error);
            }
            return value;
        });
    }

    /** Keys with work waiting or running; an idle executor holds none, so memory does not grow with users. */
    public int activeKeys() {
        return tails.size();
    }

    private static void setMdc(Map<String, String> context) {
        if (context == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(context);
        }
    }
}
