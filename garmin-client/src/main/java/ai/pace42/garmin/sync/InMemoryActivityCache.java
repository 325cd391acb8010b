package ai.pace42.garmin.sync;

import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.ActivityHeader;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Activities kept in memory per account, with a bound on fully loaded activities (samples are the big part).
 * Each account gets its own {@link Account} object; nothing is shared between them.
 */
public final class InMemoryActivityCache implements ActivityCache {

    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final int maxActivitiesPerAccount;

    public InMemoryActivityCache() {
        this(50);
    }

    public InMemoryActivityCache(int maxActivitiesPerAccount) {
        this.maxActivitiesPerAccount = maxActivitiesPerAccount;
    }

    @Override
    public AccountCache account(String accountId) {
        Objects.requireNonNull(accountId, "accountId");
        return accounts.computeIfAbsent(accountId, id -> new Account(maxActivitiesPerAccount));
    }

    @Override
    public void evict(String accountId) {
        Account a = accounts.remove(accountId);
        if (a != null) {
            a.clear();
        }
    }

    private static final class Account implements AccountCache {
        private static final Comparator<ListedRun> NEWEST_FIRST = Comparator.comparing(
                (ListedRun r) -> r.header().start().map(z -> z.toInstant()).orElse(Instant.MIN)).reversed();

        private final Map<String, ListedRun> listed = new LinkedHashMap<>();
        private final LinkedHashMap<String, Activity> activities;
        private SyncStamp stamp = SyncStamp.never();
        private Instant coveredFrom = Instant.MAX;
        private JsonNode userSettings;

        Account(int max) {
            this.activities = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Activity> eldest) {
                    return size() > max;
                }
            };
        }

        @Override
        public synchronized void putListed(List<ListedRun> runs) {
            for (ListedRun r : runs) {
                listed.put(r.header().id(), r);
            }
        }

        @Override
        public synchronized List<ActivityHeader> headers() {
            List<ListedRun> out = new ArrayList<>(listed.values());
            out.sort(NEWEST_FIRST);
            return out.stream().map(ListedRun::header).toList();
        }

        @Override
        public synchronized Optional<ListedRun> listed(String activityId) {
            return Optional.ofNullable(listed.get(activityId));
        }

        @Override
        public synchronized Optional<Activity> activity(String activityId) {
            return Optional.ofNullable(activities.get(activityId));
        }

        @Override
        public synchronized void putActivity(Activity activity) {
            activities.put(activity.id(), activity);
        }

        @Override
        public synchronized SyncStamp stamp() {
            return stamp;
        }

        @Override
        public synchronized void stamp(SyncStamp s) {
            stamp = s;
        }

        @Override
        public synchronized Instant coveredFrom() {
            return coveredFrom;
        }

        @Override
        public synchronized void coveredFrom(Instant from) {
            coveredFrom = from;
        }

        @Override
        public synchronized Optional<JsonNode> userSettings() {
            return Optional.ofNullable(userSettings);
        }

        @Override
        public synchronized void userSettings(JsonNode settings) {
            userSettings = settings;
        }

        @Override
        public synchronized void clear() {
            listed.clear();
            activities.clear();
            stamp = SyncStamp.never();
            coveredFrom = Instant.MAX;
            userSettings = null;
        }
    }
}
