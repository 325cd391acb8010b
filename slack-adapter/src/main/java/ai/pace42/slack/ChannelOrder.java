package ai.pace42.slack;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Keeps answers in one channel in the order the questions came: each delivery starts after the previous one
 * in that channel finished, while channels proceed in parallel.
 */
final class ChannelOrder {

    private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();
    private final Executor sendExecutor;

    ChannelOrder(Executor sendExecutor) {
        this.sendExecutor = sendExecutor;
    }

    /** Runs {@code send} with the value of {@code ready} once it is ready and earlier sends in the channel are done. */
    synchronized <T> CompletableFuture<Void> deliverInOrder(String channel, CompletableFuture<T> ready,
                                                            Consumer<T> send) {
        CompletableFuture<Void> previous = tails.getOrDefault(channel, CompletableFuture.completedFuture(null));
        CompletableFuture<Void> next = CompletableFuture
                .allOf(previous.exceptionally(e -> null), ready.handle((v, e) -> null))
                .thenRunAsync(() -> send.accept(ready.join()), sendExecutor);
        tails.put(channel, next);
        next.whenComplete((ok, error) -> tails.remove(channel, next));
        return next;
    }
}
