package ai.pace42.coach.cache;

import ai.pace42.coach.ChartImage;
import ai.pace42.coach.CoachAnswer;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finished answers by {@link AnswerKey}, least recently used first out, bounded by bytes (the charts are nearly
 * all of an answer's size) and by count. Thread-safe; every operation is a map lookup under one short lock.
 */
public final class AnswerCache {

    /** Per entry: the key, the map node and the answer record, roughly. */
    private static final int OVERHEAD_BYTES = 400;

    private final long maxBytes;
    private final int maxEntries;
    private final LinkedHashMap<AnswerKey, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;
    private long hits;
    private long misses;

    private record Entry(CoachAnswer answer, long weight) {
    }

    AnswerCache(long maxBytes, int maxEntries) {
        if (maxBytes <= 0 || maxEntries <= 0) {
            throw new IllegalArgumentException("an answer cache needs room");
        }
        this.maxBytes = maxBytes;
        this.maxEntries = maxEntries;
    }

    synchronized Optional<CoachAnswer> get(AnswerKey key) {
        Entry e = entries.get(key);
        if (e == null) {
            misses++;
            return Optional.empty();
        }
        hits++;
        return Optional.of(e.answer());
    }

    synchronized void put(AnswerKey key, CoachAnswer answer) {
        long weight = weigh(answer);
        if (weight > maxBytes) {
            return;
        }
        Entry old = entries.put(key, new Entry(answer, weight));
        bytes += weight - (old == null ? 0 : old.weight());
        Iterator<Entry> eldest = entries.values().iterator();
        while ((bytes > maxBytes || entries.size() > maxEntries) && eldest.hasNext()) {
            bytes -= eldest.next().weight();
            eldest.remove();
        }
    }

    /** Drops every answer of the account (its data, source or settings changed, or it was deleted). */
    synchronized int forget(String accountId) {
        int removed = 0;
        for (Iterator<Map.Entry<AnswerKey, Entry>> it = entries.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<AnswerKey, Entry> e = it.next();
            if (e.getKey().accountId().equals(accountId)) {
                bytes -= e.getValue().weight();
                it.remove();
                removed++;
            }
        }
        return removed;
    }

    synchronized Stats stats() {
        return new Stats(entries.size(), bytes, hits, misses);
    }

    /** What the cache holds and how often it answered. */
    public record Stats(int entries, long bytes, long hits, long misses) {
    }

    static long weigh(CoachAnswer answer) {
        long w = OVERHEAD_BYTES + 2L * answer.text().length();
        for (ChartImage c : answer.charts()) {
            w += c.png().length + 2L * c.altText().length() + 64;
        }
        return w;
    }
}
