package ai.pace42.telegram;

import java.util.LinkedHashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * Remembers recent {@code update_id}s so an update Telegram delivers again (webhook retries, a poll repeated
 * after a crash) is answered once. Bounded: the oldest ids are forgotten first.
 */
final class SeenUpdates {

    private final int capacity;
    private final Set<Integer> seen = new LinkedHashSet<>();

    SeenUpdates(int capacity) {
        this.capacity = capacity;
    }

    /** True the first time an id is offered. */
    synchronized boolean firstTime(int updateId) {
        if (!seen.add(updateId)) {
            return false;
        }
        if (seen.size() > capacity) {
            Iterator<Integer> oldest = seen.iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }
}
