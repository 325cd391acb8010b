package ai.pace42.discord;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Remembers recent message and interaction snowflakes, so one Discord delivers again (a gateway resume, an
 * endpoint retry) is answered once. Bounded: the oldest ids are forgotten first.
 */
final class SeenIds {

    private final int capacity;
    private final Set<String> seen = new LinkedHashSet<>();

    SeenIds(int capacity) {
        this.capacity = capacity;
    }

    /** True the first time an id is offered. */
    synchronized boolean firstTime(String id) {
        if (!seen.add(id)) {
            return false;
        }
        if (seen.size() > capacity) {
            Iterator<String> oldest = seen.iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }
}
