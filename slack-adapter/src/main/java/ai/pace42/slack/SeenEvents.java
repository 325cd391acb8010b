package ai.pace42.slack;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Remembers recent {@code event_id}s, so an event Slack delivers again (it retries when it did not see our ack
 * in time, with {@code X-Slack-Retry-Num}) is handled once. Bounded: the oldest ids are forgotten first.
 */
final class SeenEvents {

    private final int capacity;
    private final Set<String> seen = new LinkedHashSet<>();

    SeenEvents(int capacity) {
        this.capacity = capacity;
    }

    /** True the first time an id is offered; a null id (no id to go by) is always new. */
    synchronized boolean firstTime(String eventId) {
        if (eventId == null) {
            return true;
        }
        if (!seen.add(eventId)) {
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
