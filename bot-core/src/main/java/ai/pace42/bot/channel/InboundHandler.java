package ai.pace42.bot.channel;

import java.util.concurrent.CompletableFuture;

/** Takes a message from an adapter; the reply completes when the core has an answer. */
@FunctionalInterface
public interface InboundHandler {

    CompletableFuture<Reply> onInbound(Inbound inbound);
}
