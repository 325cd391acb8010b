package ai.pace42.telegram;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Keeps answers in the order their questions arrived, per chat. Answers become ready out of order (the core runs
 * accounts in parallel, the typing action finishes at its own pace), so each one is handed to the send queue
 * only after the previous answer of the same chat was handed over.
 */
final class ChatOrder {

    private final Map<Long, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    /**
     * @param ready   completes with the answer (must not fail)
     * @param deliver queues the answer and returns its delivery
     * @return the delivery, once queued in order
     */
    <T> CompletableFuture<Void> deliverInOrder(long chatId, CompletableFuture<T> ready,
                                               Function<T, CompletableFuture<Void>> deliver) {
        CompletableFuture<CompletableFuture<Void>> queued = new CompletableFuture<>();
        CompletableFuture<Void> tail = tails.compute(chatId, (id, previous) -> {
            CompletableFuture<Void> before = previous == null ? CompletableFuture.completedFuture(null) : previous;
            CompletableFuture<CompletableFuture<Void>> handedOver = before.thenCombine(ready, (ignored, answer) -> {
                return deliver.apply(answer);
            });
            handedOver.whenComplete((delivery, error) -> {
                if (error != null) {
                    queued.completeExceptionally(error);
                } else {
                    queued.complete(delivery);
                }
            });
            return handedOver.handle((delivery, error) -> null);
        });
        tail.whenComplete((ok, error) -> tails.remove(chatId, tail));
        return queued.thenCompose(delivery -> delivery);
    }
}
