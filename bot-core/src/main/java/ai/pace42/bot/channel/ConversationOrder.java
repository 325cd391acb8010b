package ai.pace42.bot.channel;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Keeps the replies of one conversation in the order their messages arrived. Answers become ready out of order
 * (the core runs accounts in parallel, a platform acknowledges at its own pace), so each reply is delivered only
 * after the previous one of the same conversation was delivered or failed; conversations proceed in parallel.
 * Proactive notices use the same order, so a notice never overtakes an answer still going out.
 */
public final class ConversationOrder {

    private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    /**
     * @param conversation the platform's conversation key (a chat id, a DM channel, team and channel)
     * @param ready        completes with the reply
     * @param deliver      sends it and returns the delivery
     * @return the delivery, once it happened in order
     */
    public <T> CompletableFuture<Void> deliverInOrder(String conversation, CompletableFuture<T> ready,
                                                      Function<T, CompletableFuture<Void>> deliver) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        CompletableFuture<Void> previous = tails.put(conversation, result);
        CompletableFuture<Void> after = previous == null ? CompletableFuture.completedFuture(null)
                : previous.handle((ok, error) -> null);
        after.thenCombine(ready, (ignored, value) -> value)
                .thenCompose(deliver)
                .whenComplete((ok, error) -> {
                    tails.remove(conversation, result);
                    if (error != null) {
                        result.completeExceptionally(error);
                    } else {
                        result.complete(null);
                    }
                });
        return result;
    }

    /** Conversations with a reply waiting or going out; an idle order holds none. */
    public int active() {
        return tails.size();
    }
}
