package ai.pace42.discord;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Keeps replies in one DM channel in the order their messages arrived: a reply is delivered only after the
 * previous reply in that channel went out (or failed), even when a later answer was ready first.
 */
final class ChannelOrder {

    private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    <T> CompletableFuture<Void> deliverInOrder(String channelId, CompletableFuture<T> ready,
                                               Function<T, CompletableFuture<Void>> deliver) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        CompletableFuture<Void> previous = tails.put(channelId, result);
        CompletableFuture<Void> after = previous == null ? CompletableFuture.completedFuture(null)
                : previous.handle((ok, error) -> null);
        after.thenCombine(ready, (ignored, value) -> value)
                .thenCompose(deliver)
                .whenComplete((ok, error) -> {
                    tails.remove(channelId, result);
                    if (error != null) {
                        result.completeExceptionally(error);
                    } else {
                        result.complete(null);
                    }
                });
        return result;
    }
}
