package ai.pace42.bot.testing;

import ai.pace42.bot.channel.Capabilities;
import ai.pace42.bot.channel.ChatAdapter;
import ai.pace42.bot.channel.ConversationRef;
import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.InboundHandler;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.channel.ReplyLayout;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A channel that collects what a platform would be sent: every reply laid out by the core's {@link ReplyLayout}
 * for the given capabilities. Tests of a platform's layout pass that platform's capabilities; core tests pass any.
 * {@link #receive} plays a user's message through the core the channel was started with.
 */
public final class CollectingChannel implements ChatAdapter {

    /** One send: where it went and the messages it became. */
    public record Sent(ConversationRef where, Reply reply, List<ReplyLayout.Message> messages) {
    }

    private final Platform platform;
    private final Capabilities capabilities;
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private volatile InboundHandler handler;

    public CollectingChannel(Platform platform, Capabilities capabilities) {
        this.platform = platform;
        this.capabilities = capabilities;
    }

    @Override
    public Platform platform() {
        return platform;
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public void start(InboundHandler inboundHandler) {
        this.handler = inboundHandler;
    }

    @Override
    public void send(ConversationRef where, Reply reply) {
        sent.add(new Sent(where, reply, ReplyLayout.of(reply, capabilities)));
    }

    /** The messages {@code reply} would become on this channel, without sending it. */
    public List<ReplyLayout.Message> layout(Reply reply) {
        return ReplyLayout.of(reply, capabilities);
    }

    /** Delivers a message as the platform would and collects the reply like a real channel. */
    public CompletableFuture<List<ReplyLayout.Message>> receive(Inbound inbound) {
        if (handler == null) {
            throw new IllegalStateException("channel not started");
        }
        return handler.onInbound(inbound).thenApply(reply -> {
            send(inbound.where(), reply);
            return sent.get(sent.size() - 1).messages();
        });
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    @Override
    public void stop() {
        handler = null;
    }
}
