package ai.pace42.server.garmin.cache;

import ai.pace42.coach.model.Activity;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A small in-memory front of decoded activities, shared by all accounts and bounded by count (least recently used
 * goes first). Keys carry the account id, so one account's entry is never found under another's.
 */
final class DecodedActivities {

    private record Key(String accountId, String activityId) {
    }

    private final Map<Key, Activity> entries;

    DecodedActivities(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Activity> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Optional<Activity> get(String accountId, String activityId) {
        return Optional.ofNullable(entries.get(new Key(accountId, activityId)));
    }

    synchronized void put(String accountId, Activity activity) {
        entries.put(new Key(accountId, activity.id()), activity);
    }

    synchronized void dropAccount(String accountId) {
        entries.keySet().removeIf(k -> k.accountId().equals(accountId));
    }
}
