package ai.pace42.bot.channel;

import java.util.concurrent.CompletableFuture;

/** Takes a message from an adapter; the reply completes when the core has an answer. */
@FunctionalInterface
public interface InboundHandler {

    /**
     * Always completes with a reply: a failure becomes a friendly reply with its code and request id (see
     * {@code ConversationDispatcher}), so adapters have no error reply of their own.
     */
    CompletableFuture<Reply> onInbound(Inbound inbound);

    /**
     * A read-only view of the sender's account for a dashboard (e.g. Slack's App Home): nothing is created,
     * issued or counted. A handler without accounts has nothing to show.
     */
    default CompletableFuture<AccountView> overview(PlatformIdentity who) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("no account overview here"));
    }
}
