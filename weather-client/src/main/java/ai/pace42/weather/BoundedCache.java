package ai.pace42.weather;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** A small least-recently-used cache; a failed load is not cached, so the next question tries again. */
final class BoundedCache<K, V> {

    private final Map<K, V> map;

    BoundedCache(int capacity) {
        this.map = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Optional<V> peek(K key) {
        return Optional.ofNullable(map.get(key));
    }

    /** Loads outside the lock, so a slow call for one place never blocks the answers for another. */
    V get(K key, Supplier<V> loader) {
        Optional<V> hit = peek(key);
        if (hit.isPresent()) {
            return hit.get();
        }
        V value = loader.get();
        synchronized (this) {
            map.put(key, value);
        }
        return value;
    }

    synchronized int size() {
        return map.size();
    }
}
