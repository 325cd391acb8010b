package ai.pace42.bot.channel;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/** The most recent delivery ids of this process, oldest forgotten first. */
final class RecentDeliveries implements InboundDeliveries {

    private final int capacity;
    private final Set<String> seen = new LinkedHashSet<>();

    RecentDeliveries(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    @Override
    public synchronized boolean firstDelivery(Platform platform, String deliveryId) {
        if (!seen.add(platform.id() + ":" + deliveryId)) {
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
