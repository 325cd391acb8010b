package ai.pace42.bot.channel;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The answers an adapter is still preparing or sending, so that stopping can wait for them instead of dropping
 * replies the core already computed.
 */
public final class InFlightAnswers {

    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();

    /** Remembers {@code work} until it completes, however it completes; returns it for chaining. */
    public <T> CompletableFuture<T> track(CompletableFuture<T> work) {
        pending.add(work);
        work.whenComplete((ok, error) -> pending.remove(work));
        return work;
    }

    /**
     * Waits up to {@code limit} for every tracked answer. Answers that fail count as done.
     *
     * @return how many were still running when the wait ended (0 when all finished)
     */
    public int awaitAll(Duration limit) {
        CompletableFuture<?>[] now = pending.toArray(CompletableFuture<?>[]::new);
        try {
            CompletableFuture.allOf(now).get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            // one answer failed; the others were waited for all the same
        } catch (TimeoutException e) {
            return pending.size();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return pending.size();
        }
        return 0;
    }
}
