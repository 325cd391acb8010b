package ai.pace42.server.garmin.cache;

import static ai.pace42.server.garmin.cache.Guarded.read;
import static ai.pace42.server.garmin.cache.Guarded.write;

import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.ActivityHeader;
import ai.pace42.garmin.sync.AccountCache;
import ai.pace42.garmin.sync.ActivityCache;
import ai.pace42.garmin.sync.ActivityCodec;
import ai.pace42.garmin.sync.SyncStamp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The Garmin cache in pace42's database (tables of {@code V5__garmin_activity_cache.sql}), so synced runs, the
 * freshness stamp and the athlete's settings survive a restart. Decoded activities are also kept in a small
 * in-memory front. Every query is scoped by account id.
 * <p>
 * Database errors are read as misses ({@link Guarded}); each write runs in one transaction.
 * <p>
 * Lives in the server because it needs both sides: garmin-client's port and model, and the database bot-core
 * migrates. garmin-client stays free of persistence, bot-core free of Garmin.
 */
public final class JdbiActivityCache implements ActivityCache {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Decoded activities kept in memory across all accounts (a 1 h run at 1 Hz is about 0.25 MB decoded). */
    public static final int DEFAULT_FRONT = 200;

    private final Jdbi jdbi;
    private final Clock clock;
    private final DecodedActivities front;

    public JdbiActivityCache(Jdbi jdbi, Clock clock) {
        this(jdbi, clock, DEFAULT_FRONT);
    }

    public JdbiActivityCache(Jdbi jdbi, Clock clock, int frontCapacity) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.front = new DecodedActivities(frontCapacity);
    }

    @Override
    public AccountCache account(String accountId) {
        return new Account(Objects.requireNonNull(accountId, "accountId"));
    }

    @Override
    public void evict(String accountId) {
        front.dropAccount(accountId);
        write("evict", () -> jdbi.useTransaction(h -> deleteAll(h, accountId)));
    }

    static void deleteAll(Handle h, String accountId) {
        for (String table : List.of("garmin_activities", "garmin_listed_runs", "garmin_sync_state")) {
            h.createUpdate("DELETE FROM " + table + " WHERE account_id = :a").bind("a", accountId).execute();
        }
    }

    private final class Account implements AccountCache {

        private final String id;
        private final SyncStateRow state;

        Account(String id) {
            this.id = id;
            this.state = new SyncStateRow(jdbi, id);
        }

        @Override
        public void putListed(List<ListedRun> runs) {
            write("listed", () -> jdbi.useTransaction(h -> {
                for (ListedRun r : runs) {
                    h.createUpdate("""
                            INSERT INTO garmin_listed_runs (account_id, activity_id, start_at, header, list_item)
                            VALUES (:a, :id, :start, :header, :item)
                            ON CONFLICT (account_id, activity_id)
                            DO UPDATE SET start_at = excluded.start_at, header = excluded.header,
                                          list_item = excluded.list_item""")
                            .bind("a", id).bind("id", r.header().id())
                            .bind("start", r.header().start().map(z -> z.toInstant().toEpochMilli()).orElse(null))
                            .bind("header", HeaderJson.write(r.header()))
                            .bind("item", r.listItem().toString())
                            .execute();
                }
            }));
        }

        @Override
        public List<ActivityHeader> headers() {
            // Runs without a start sort last, as the in-memory cache does.
            return read("headers", () -> jdbi.withHandle(h -> h.createQuery("""
                    SELECT header FROM garmin_listed_runs WHERE account_id = :a
                    ORDER BY CASE WHEN start_at IS NULL THEN 1 ELSE 0 END, start_at DESC, activity_id DESC""")
                    .bind("a", id).mapTo(String.class).list()), List.<String>of())
                    .stream().map(HeaderJson::read).flatMap(Optional::stream).toList();
        }

        @Override
        public Optional<ListedRun> listed(String activityId) {
            return read("listed", () -> jdbi.withHandle(h -> h.createQuery(
                    "SELECT header, list_item FROM garmin_listed_runs WHERE account_id = :a AND activity_id = :id")
                    .bind("a", id).bind("id", activityId)
                    .map((rs, ctx) -> listedRun(rs.getString("header"), rs.getString("list_item")))
                    .findOne().flatMap(o -> o)), Optional.empty());
        }

        private Optional<ListedRun> listedRun(String header, String item) {
            try {
                Optional<ActivityHeader> h = HeaderJson.read(header);
                return h.isPresent() ? Optional.of(new ListedRun(h.get(), JSON.readTree(item))) : Optional.empty();
            } catch (Exception e) {
                return Optional.empty();
            }
        }

        @Override
        public Optional<Activity> activity(String activityId) {
            Optional<Activity> hot = front.get(id, activityId);
            if (hot.isPresent()) {
                return hot;
            }
            Optional<Activity> stored = read("activity", () -> jdbi.withHandle(h -> h.createQuery(
                    "SELECT body FROM garmin_activities WHERE account_id = :a AND activity_id = :id")
                    .bind("a", id).bind("id", activityId)
                    .map((rs, ctx) -> rs.getBytes("body")).findOne()), Optional.<byte[]>empty())
                    .flatMap(ActivityCodec::decode)
                    .filter(a -> a.id().equals(activityId));
            stored.ifPresent(a -> front.put(id, a));
            return stored;
        }

        @Override
        public void putActivity(Activity activity) {
            byte[] body = ActivityCodec.encode(activity);
            write("activity", () -> jdbi.useTransaction(h -> h.createUpdate("""
                    INSERT INTO garmin_activities (account_id, activity_id, body, stored_at)
                    VALUES (:a, :id, :body, :at)
                    ON CONFLICT (account_id, activity_id) DO UPDATE SET body = excluded.body,
                                                                       stored_at = excluded.stored_at""")
                    .bind("a", id).bind("id", activity.id()).bind("body", body)
                    .bind("at", clock.millis()).execute()));
            front.put(id, activity);
        }

        @Override
        public SyncStamp stamp() {
            return state.stamp();
        }

        @Override
        public void stamp(SyncStamp s) {
            state.stamp(s);
        }

        @Override
        public Instant coveredFrom() {
            return state.coveredFrom();
        }

        @Override
        public void coveredFrom(Instant from) {
            state.coveredFrom(from);
        }

        @Override
        public Optional<JsonNode> userSettings() {
            return state.userSettings();
        }

        @Override
        public void userSettings(JsonNode settings) {
            state.userSettings(settings);
        }

        @Override
        public void clear() {
            evict(id);
        }
    }
}
