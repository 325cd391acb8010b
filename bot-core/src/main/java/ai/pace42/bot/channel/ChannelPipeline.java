package ai.pace42.bot.channel;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path every platform's messages take, so an adapter only maps, sends and connects:
 * <pre>
 * redelivery check ─► core (account resolved on the core's workers, one account in order) ─► per-conversation
 * order ─► the platform's sender (the reply laid out by {@link ReplyLayout} for the platform's Capabilities)
 * </pre>
 * Notices the core sends on its own take the same order, so a notice never overtakes an answer still going out.
 * Everything in flight is tracked, so stopping waits for answers the core already computed.
 */
public final class ChannelPipeline {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelPipeline.class);

    private final Platform platform;
    private final InboundDeliveries deliveries;
    private final ConversationOrder order = new ConversationOrder();
    private final InFlightAnswers inFlight = new InFlightAnswers();
    private volatile InboundHandler handler;
    private volatile boolean stopping = true;

    /** @param deliveries the redelivery ledger: in memory for one process, the core's database one for several */
    public ChannelPipeline(Platform platform, InboundDeliveries deliveries) {
        this.platform = platform;
        this.deliveries = deliveries;
    }

    public void start(InboundHandler inboundHandler) {
        this.handler = inboundHandler;
        stopping = false;
    }

    /** Whether messages are taken now (started and not stopping). */
    public boolean running() {
        return !stopping && handler != null;
    }

    /** True the first time the platform delivers {@code deliveryId}; a redelivery is logged and answered once. */
    public boolean firstDelivery(String deliveryId) {
        if (deliveries.firstDelivery(platform, deliveryId)) {
            return true;
        }
        LOG.info("{} delivery {} seen before: answered once", platform.id(), deliveryId);
        return false;
    }

    /**
     * The core's reply to a message. It returns at once; the core answers every message, failures included, with
     * a reply carrying its code and request id.
     */
    public CompletableFuture<Reply> ask(Inbound inbound) {
        return handler.onInbound(inbound);
    }

    /** The read-only account view for a dashboard (Slack's App Home). */
    public CompletableFuture<AccountView> overview(PlatformIdentity who) {
        return handler.overview(who);
    }

    /** Hands {@code reply} to {@code send} once it is ready and the conversation's earlier replies went out. */
    public CompletableFuture<Void> deliver(String conversation, CompletableFuture<Reply> reply,
                                           Function<Reply, CompletableFuture<Void>> send) {
        return inFlight.track(order.deliverInOrder(conversation, reply, send));
    }

    /** A message answered in its conversation: ask the core, then deliver in order. */
    public CompletableFuture<Void> answer(String conversation, Inbound inbound,
                                          Function<Reply, CompletableFuture<Void>> send) {
        return deliver(conversation, ask(inbound), send);
    }

    /** A notice the core sends on its own, in the conversation's order. */
    public CompletableFuture<Void> notice(String conversation, Reply reply,
                                          Function<Reply, CompletableFuture<Void>> send) {
        return deliver(conversation, CompletableFuture.completedFuture(reply), send);
    }

    /** Work outside a conversation's order (an interaction's response, a dashboard) that stopping waits for. */
    public <T> CompletableFuture<T> track(CompletableFuture<T> work) {
        return inFlight.track(work);
    }

    /**
     * Stops taking messages and waits up to {@code limit} for what is in flight.
     *
     * @return how many were still running when the wait ended
     */
    public int stop(Duration limit) {
        stopping = true;
        return inFlight.awaitAll(limit);
    }
}
