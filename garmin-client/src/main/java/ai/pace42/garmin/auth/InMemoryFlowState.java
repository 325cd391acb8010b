package ai.pace42.garmin.auth;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Flow state for a single process (and for tests): expires and bounds entries like the database does. */
public final class InMemoryFlowState implements FlowState {

    static final int MAX_PER_KIND = 10_000;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxPerKind;

    public InMemoryFlowState(Clock clock) {
        this(clock, MAX_PER_KIND);
    }

    public InMemoryFlowState(Clock clock, int maxPerKind) {
        this.clock = clock;
        this.maxPerKind = maxPerKind;
    }

    @Override
    public synchronized boolean put(String kind, String id, Entry entry) {
        entries.values().removeIf(e -> !e.expires().isAfter(clock.instant()));
        long ofKind = entries.keySet().stream().filter(k -> k.startsWith(kind + "|")).count();
        if (ofKind >= maxPerKind && !entries.containsKey(key(kind, id))) {
            return false;
        }
        entries.put(key(kind, id), entry);
        return true;
    }

    @Override
    public Optional<Entry> get(String kind, String id) {
        return Optional.ofNullable(entries.get(key(kind, id))).filter(e -> e.expires().isAfter(clock.instant()));
    }

    @Override
    public Optional<Entry> take(String kind, String id) {
        return Optional.ofNullable(entries.remove(key(kind, id))).filter(e -> e.expires().isAfter(clock.instant()));
    }

    @Override
    public void remove(String kind, String id) {
        entries.remove(key(kind, id));
    }

    private static String key(String kind, String id) {
        return kind + "|" + id;
    }
}
