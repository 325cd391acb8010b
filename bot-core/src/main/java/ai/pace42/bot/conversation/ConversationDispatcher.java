package ai.pace42.bot.conversation;

import ai.pace42.bot.metrics.CoreMetrics;
import java.time.Duration;
import ai.pace42.bot.account.Account;
import ai.pace42.bot.channel.AccountView;
import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.InboundHandler;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.concurrent.KeyedSerialExecutor;
import ai.pace42.bot.error.ErrorCode;
import ai.pace42.bot.error.Pace42Exception;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The entry point adapters call. Messages of one account are handled one at a time in arrival order; different
 * accounts run in parallel. A failure becomes a friendly reply with its code and request id, and never affects
 * another conversation.
 */
public final class ConversationDispatcher implements InboundHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ConversationDispatcher.class);

    private final Conversation conversation;
    private final AccountOverview overview;
    private final KeyedSerialExecutor executor;
    private final KeyedSerialExecutor senders;

    /**
     * @param executor the accounts' queues
     * @param senders  the senders' queues, where accounts are resolved; bounded apart, so a message in resolution
     *                 never competes with its own account work for the same permit
     */
    public ConversationDispatcher(Conversation conversation, AccountOverview overview, KeyedSerialExecutor executor,
                                  KeyedSerialExecutor senders) {
        this.conversation = conversation;
        this.overview = overview;
        this.executor = executor;
        this.senders = senders;
    }

    /** In the account's own queue, after messages already waiting, so the view is never older than them. */
    @Override
    public CompletableFuture<AccountView> overview(PlatformIdentity who) {
        try {
            return overview.accountOf(who)
                    .map(account -> executor.submit(account.id(), () -> overview.of(account)))
                    .orElseGet(() -> CompletableFuture.completedFuture(overview.of(who)));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Returns at once: the account is resolved (a database write on first contact) on the core's workers, never on
     * the adapter's thread. Resolution runs in order per sender, and each message joins its account's queue from
     * inside that ordered step, so a sender's messages reach the conversation in the order they arrived.
     */
    @Override
    public CompletableFuture<Reply> onInbound(Inbound inbound) {
        MDC.put("requestId", inbound.requestId());
        MDC.put("platform", inbound.from().platform().id());
        long started = System.nanoTime();
        String kind = CoreMetrics.kindOf(inbound);
        try {
            return senders.submit(senderKey(inbound.from()), () -> {
                        Account account = conversation.accountOf(inbound);
                        MDC.put("accountId", account.id());
                        return executor.submit(account.id(), () -> conversation.handle(inbound, account));
                    })
                    .thenCompose(reply -> reply)
                    .handle((reply, error) -> {
                        Duration took = Duration.ofNanos(System.nanoTime() - started);
                        if (error == null) {
                            CoreMetrics.answered(kind, "ok", took);
                            return reply;
                        }
                        CoreMetrics.answered(kind, codeOf(error), took);
                        return failureReply(error, inbound.requestId());
                    });
        } catch (RuntimeException e) {
            CoreMetrics.answered(kind, codeOf(e), Duration.ofNanos(System.nanoTime() - started));
            return CompletableFuture.completedFuture(failureReply(e, inbound.requestId()));
        } finally {
            MDC.remove("platform");
            MDC.remove("requestId");
        }
    }

    /** The sender's queue key: one platform identity's messages are resolved in arrival order. */
    private static String senderKey(PlatformIdentity who) {
        return "sender:" + who.platform().id() + ":" + who.tenantId() + ":" + who.userId();
    }

    private static String codeOf(Throwable failure) {
        Throwable error = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return error instanceof Pace42Exception expected ? expected.code().name() : ErrorCode.INTERNAL_ERROR.name();
    }

    private static Reply failureReply(Throwable failure, String requestId) {
        Throwable error = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (error instanceof Pace42Exception expected) {
            LOG.info("message refused: {}", expected.code());
            return ErrorReplies.of(expected.code(), expected.userMessage(), requestId);
        }
        LOG.error("message handling failed", error);
        return ErrorReplies.of(ErrorCode.INTERNAL_ERROR,
                "Sorry — something went wrong on my side while answering. Please try again.", requestId);
    }
}
