package ai.pace42.garmin.sync;

import ai.pace42.coach.model.ActivityHeader;
import ai.pace42.garmin.GarminProblem;
import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.Result;
import ai.pace42.garmin.api.ConnectApiClient;
import ai.pace42.garmin.normalise.ActivityNormaliser;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Pages through one account's Garmin activity list into its cache: newest first, {@value #PAGE_SIZE} per page,
 * stopping at the first page that reaches a run already cached (or goes back past what the answer needs), at
 * most {@value #MAX_PAGES} pages; at most once per freshness window and never twice at the same time.
 */
final class ActivityListSync {

    static final int PAGE_SIZE = 20;
    static final int MAX_PAGES = 10;

    private final ConnectApiClient client;
    private final AccountCache cache;
    private final Clock clock;
    private final Duration freshness;
    private final Supplier<OptionalLong> owner;
    private final AtomicReference<CompletableFuture<SyncStamp>> inFlight = new AtomicReference<>();

    ActivityListSync(ConnectApiClient client, AccountCache cache, Clock clock, Duration freshness,
                     Supplier<OptionalLong> owner) {
        this.client = client;
        this.cache = cache;
        this.clock = clock;
        this.freshness = freshness;
        this.owner = owner;
    }

    /**
     * Syncs unless fresh. Concurrent callers share one sync: the first runs it, the others wait for its result.
     *
     * @param reachBack sync far enough back to cover this instant (null: newest page only)
     */
    SyncStamp syncIfStale(Instant reachBack) {
        Instant now = clock.instant();
        SyncStamp stamp = cache.stamp();
        if (stamp.freshAt(now, freshness) && covers(reachBack)) {
            return stamp;
        }
        CompletableFuture<SyncStamp> mine = new CompletableFuture<>();
        CompletableFuture<SyncStamp> running = inFlight.compareAndExchange(null, mine);
        if (running != null) {
            return running.join();
        }
        try {
            SyncStamp result = sync(reachBack);
            mine.complete(result);
            return result;
        } catch (RuntimeException e) {
            SyncStamp failed = cache.stamp().failed(clock.instant(),
                    GarminProblem.of(GarminProblemCode.GARMIN_UNAVAILABLE, "sync: " + e.getClass().getSimpleName()));
            cache.stamp(failed);
            mine.complete(failed);
            return failed;
        } finally {
            inFlight.set(null);
        }
    }

    private boolean covers(Instant reachBack) {
        return reachBack == null || !reachBack.isBefore(cache.coveredFrom());
    }

    /** Newest first; stops at the first page that reaches a run already cached, or goes back past reachBack. */
    private SyncStamp sync(Instant reachBack) {
        OptionalLong owner = this.owner.get();
        if (owner.isEmpty()) {
            SyncStamp s = cache.stamp().failed(clock.instant(),
                    GarminProblem.of(GarminProblemCode.GARMIN_NOT_LINKED, "no identity"));
            cache.stamp(s);
            return s;
        }
        boolean hadCache = !cache.headers().isEmpty();
        for (int page = 0; page < MAX_PAGES; page++) {
            Result<JsonNode> r = client.activities(page * PAGE_SIZE, PAGE_SIZE);
            Optional<JsonNode> listed = r.isOk() ? ActivityNormaliser.listItems(r.value()) : Optional.empty();
            if (listed.isEmpty()) {
                GarminProblem p = r.isOk() ? GarminProblem.of(GarminProblemCode.GARMIN_BAD_DATA, "list not an array")
                        : r.problem();
                SyncStamp s = cache.stamp().failed(clock.instant(), p);
                cache.stamp(s);
                return s;
            }
            JsonNode items = listed.get();
            List<AccountCache.ListedRun> runs = new ArrayList<>();
            boolean reachedKnown = false;
            Instant oldest = Instant.MAX;
            for (JsonNode item : items) {
                Optional<ActivityHeader> h = ActivityNormaliser.header(item, owner);
                if (h.isEmpty()) {
                    continue;
                }
                reachedKnown |= cache.listed(h.get().id()).isPresent();
                runs.add(new AccountCache.ListedRun(h.get(), item));
                Instant start = h.get().start().map(z -> z.toInstant()).orElse(Instant.MAX);
                oldest = start.isBefore(oldest) ? start : oldest;
            }
            cache.putListed(runs);
            boolean lastPage = items.size() < PAGE_SIZE;
            boolean farEnough = reachBack == null ? true : oldest.isBefore(reachBack);
            if (lastPage) {
                cache.coveredFrom(Instant.MIN);
            } else if (oldest.isBefore(cache.coveredFrom()) && (page > 0 || !hadCache || reachedKnown)) {
                cache.coveredFrom(oldest);
            }
            if (lastPage || farEnough && (reachedKnown || !hadCache || reachBack != null)) {
                break;
            }
        }
        SyncStamp s = cache.stamp().succeeded(clock.instant());
        cache.stamp(s);
        return s;
    }
}
