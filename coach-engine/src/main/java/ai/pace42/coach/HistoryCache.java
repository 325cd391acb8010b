package ai.pace42.coach;

import ai.pace42.coach.fitness.TrainingHistory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Remembers the analysed history per account, keyed by everything the analysis depends on (the activity
 * headers, the profile, units and zone), so a follow-up question does not re-analyse months of per-second data.
 * Any new, changed or deleted activity changes the key. Small and per coach instance; bounded LRU.
 */
final class HistoryCache {

    record Key(String accountId, List<Object> headers, Object profile, UnitSystem units, java.time.ZoneId zone) {
    }

    private final int capacity;
    private final Map<Key, TrainingHistory> entries;

    HistoryCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, TrainingHistory> eldest) {
                return size() > HistoryCache.this.capacity;
            }
        };
    }

    synchronized java.util.Optional<TrainingHistory> peek(Key key) {
        return java.util.Optional.ofNullable(entries.get(key));
    }

    synchronized TrainingHistory get(Key key, Supplier<TrainingHistory> compute) {
        Objects.requireNonNull(key, "key");
        TrainingHistory cached = entries.get(key);
        if (cached != null) {
            return cached;
        }
        TrainingHistory fresh = compute.get();
        entries.put(key, fresh);
        return fresh;
    }

    synchronized int size() {
        return entries.size();
    }
}
