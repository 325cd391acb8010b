package ai.pace42.bot.channel;

import java.util.concurrent.CompletableFuture;

/**
 * Takes a message from an adapter; the reply completes when the core has an answer. It always completes with a
 * reply: a failure becomes a friendly reply with its code and request id (see {@code ConversationDispatcher}),
 * so adapters have no error reply of their own.
 */
@FunctionalInterface
public interface InboundHandler {

    CompletableFuture<Reply> onInbound(Inbound inbound);
}
