package ai.pace42.coach;

import ai.pace42.coach.fitness.TrainingHistory;
import ai.pace42.coach.model.ActivityHeader;
import ai.pace42.coach.model.AthleteProfile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Remembers the analysed history per account, keyed by everything the analysis depends on (the activity
 * headers, the profile, units and zone), so a follow-up question does not re-analyse months of per-second data.
 * Any new, changed or deleted activity changes the key. Small and per coach instance; bounded LRU.
 */
final class HistoryCache {

    record Key(String accountId, List<ActivityHeader> headers, AthleteProfile profile, UnitSystem units, java.time.ZoneId zone) {
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

    synchronized Optional<TrainingHistory> peek(Key key) {
        return Optional.ofNullable(entries.get(key));
    }

    /**
     * The cached history, or a freshly computed one. The analysis runs outside the lock so one account's cold
     * analysis never blocks another account's lookup; two concurrent misses for one key may both compute.
     */
    TrainingHistory get(Key key, Supplier<TrainingHistory> compute) {
        Objects.requireNonNull(key, "key");
        Optional<TrainingHistory> cached = peek(key);
        if (cached.isPresent()) {
            return cached.get();
        }
        TrainingHistory fresh = compute.get();
        synchronized (this) {
            entries.put(key, fresh);
        }
        return fresh;
    }

    synchronized int size() {
        return entries.size();
    }
}
