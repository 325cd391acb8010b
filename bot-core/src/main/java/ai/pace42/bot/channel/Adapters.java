package ai.pace42.bot.channel;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running chat adapters by platform, so the core can write to a conversation on its own initiative (e.g.
 * "Garmin connected"). A platform without a running adapter (the browser chat has no push) is skipped quietly.
 */
public final class Adapters {

    private static final Logger LOG = LoggerFactory.getLogger(Adapters.class);

    private final Map<Platform, ChatAdapter> byPlatform = new ConcurrentHashMap<>();

    public void register(ChatAdapter adapter) {
        if (byPlatform.putIfAbsent(adapter.platform(), adapter) != null) {
            throw new IllegalStateException("two adapters for " + adapter.platform());
        }
    }

    public Optional<ChatAdapter> of(Platform platform) {
        return Optional.ofNullable(byPlatform.get(platform));
    }

    /** Sends a notice; failures are logged, never thrown, because the caller's own work already succeeded. */
    public boolean notify(ConversationRef where, Reply reply) {
        ChatAdapter adapter = byPlatform.get(where.platform());
        if (adapter == null) {
            return false;
        }
        try {
            adapter.send(where, reply);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("could not send a notice on {}", where.platform().id(), e);
            return false;
        }
    }
}
