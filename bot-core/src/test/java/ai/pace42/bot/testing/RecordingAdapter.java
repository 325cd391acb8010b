package ai.pace42.bot.testing;

import ai.pace42.bot.channel.Capabilities;
import ai.pace42.bot.channel.ChatAdapter;
import ai.pace42.bot.channel.ConversationRef;
import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.InboundHandler;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.channel.TextRenderer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A chat adapter that records what the core sends, so core tests need no platform. {@link #receive} plays a
 * user's message through the handler the core registered and records the reply.
 */
public final class RecordingAdapter implements ChatAdapter {

    public record Sent(ConversationRef where, Reply reply) {
    }

    private final Platform platform;
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private volatile InboundHandler handler;

    public RecordingAdapter(Platform platform) {
        this.platform = platform;
    }

    @Override
    public Platform platform() {
        return platform;
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(4096, 1024, true, true, false, TextRenderer.PLAIN);
    }

    @Override
    public void start(InboundHandler handler) {
        this.handler = handler;
    }

    @Override
    public void send(ConversationRef where, Reply reply) {
        sent.add(new Sent(where, reply));
    }

    @Override
    public void stop() {
        handler = null;
    }

    /** Delivers a message as the platform would and sends the reply back like a real adapter. */
    public CompletableFuture<Reply> receive(Inbound inbound) {
        if (handler == null) {
            throw new IllegalStateException("adapter not started");
        }
        return handler.onInbound(inbound).thenApply(reply -> {
            send(inbound.where(), reply);
            return reply;
        });
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    public Sent last() {
        if (sent.isEmpty()) {
            throw new AssertionError("nothing was sent");
        }
        return sent.get(sent.size() - 1);
    }
}
