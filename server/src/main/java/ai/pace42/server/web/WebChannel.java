package ai.pace42.server.web;

import ai.pace42.bot.channel.Capabilities;
import ai.pace42.bot.channel.ChatAdapter;
import ai.pace42.bot.channel.ConversationRef;
import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.InboundHandler;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.channel.TextRenderer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The browser chat as a channel like the others: messages and uploads from {@code /api/v1/chat} go to the core,
 * the conversation is kept in {@link WebHistory} for reloads, and notices the core sends on its own (e.g. "Garmin
 * connected") are stored and pushed to the page's waiting long poll.
 */
public final class WebChannel implements ChatAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(WebChannel.class);
    static final String RUNNER = "runner";
    static final String COACH = "coach";
    static final String NOTICE = "notice";

    private final WebHistory history;
    private final Map<PlatformIdentity, Set<Runnable>> waiting = new ConcurrentHashMap<>();
    private volatile InboundHandler handler;

    public WebChannel(WebHistory history) {
        this.history = history;
    }

    @Override
    public Platform platform() {
        return Platform.WEB;
    }

    /** The page renders the markup itself, shows PNG charts and link buttons; messages are never split. */
    @Override
    public Capabilities capabilities() {
        return new Capabilities(Integer.MAX_VALUE, Integer.MAX_VALUE, true, true, false, TextRenderer.PLAIN);
    }

    @Override
    public void start(InboundHandler inboundHandler) {
        this.handler = inboundHandler;
    }

    /** Asks the core; the runner's message and the answer join the history once the answer is there. */
    public CompletableFuture<Reply> receive(Inbound inbound, List<ChatResponse.PartJson> asShown) {
        return handler.onInbound(inbound).thenApply(reply -> {
            record(inbound.from(), List.of(new WebHistory.Message(RUNNER, asShown),
                    new WebHistory.Message(COACH, ChatResponse.partsOf(reply))));
            return reply;
        });
    }

    /** A notice: stored for the page and handed to its waiting long poll, if there is one. */
    @Override
    public void send(ConversationRef where, Reply reply) {
        PlatformIdentity who = new PlatformIdentity(Platform.WEB, where.tenantId(), where.userId());
        record(who, List.of(new WebHistory.Message(NOTICE, ChatResponse.partsOf(reply))));
        Set<Runnable> listeners = waiting.remove(who);
        if (listeners != null) {
            listeners.forEach(Runnable::run);
        }
    }

    /** Runs {@code onNotice} once, when the next notice for {@code who} arrives; returns how to cancel that. */
    Runnable onNextNotice(PlatformIdentity who, Runnable onNotice) {
        waiting.computeIfAbsent(who, k -> ConcurrentHashMap.newKeySet()).add(onNotice);
        return () -> waiting.computeIfPresent(who, (k, set) -> {
            set.remove(onNotice);
            return set.isEmpty() ? null : set;
        });
    }

    WebHistory history() {
        return history;
    }

    /** After /logout or /delete the identity is gone and nothing is kept: that is the point of both. */
    private void record(PlatformIdentity who, List<WebHistory.Message> messages) {
        try {
            history.appendAll(who, messages);
        } catch (RuntimeException e) {
            LOG.debug("browser chat message not kept: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void stop() {
        waiting.values().forEach(set -> set.forEach(Runnable::run));
        waiting.clear();
    }
}
