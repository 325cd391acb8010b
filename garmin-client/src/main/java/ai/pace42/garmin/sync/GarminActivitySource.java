package ai.pace42.garmin.sync;

import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.ActivityHeader;
import ai.pace42.coach.model.ActivitySource;
import ai.pace42.coach.model.AthleteProfile;
import ai.pace42.garmin.GarminProblem;
import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.Result;
import ai.pace42.garmin.api.ConnectApiClient;
import ai.pace42.garmin.normalise.ActivityNormaliser;
import ai.pace42.garmin.normalise.DetailRows;
import ai.pace42.garmin.normalise.GarminPayloads;
import ai.pace42.garmin.normalise.ProfileNormaliser;
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

/**
 * One account's runs from Garmin Connect, behind the coach's {@link ActivitySource} port. Syncs the activity list
 * newest first and incrementally, at most once per freshness window and never twice at the same time; loads an
 * activity from the cached list item plus its details, so a cold "analyse my last run" costs two Garmin calls and
 * a warm one none. Every activity's owner is checked against the linked Garmin profile.
 */
public final class GarminActivitySource implements ActivitySource {

    static final int PAGE_SIZE = 20;
    static final int MAX_PAGES = 10;

    private final ConnectApiClient client;
    private final AccountCache cache;
    private final Clock clock;
    private final Duration freshness;
    private final AtomicReference<CompletableFuture<SyncStamp>> inFlight = new AtomicReference<>();
    private volatile Optional<AthleteProfile> profile = Optional.empty();

    public GarminActivitySource(ConnectApiClient client, AccountCache cache, Clock clock, Duration freshness) {
        this.client = client;
        this.cache = cache;
        this.clock = clock;
        this.freshness = freshness;
    }

    @Override
    public String label() {
        return "Garmin";
    }

    /** VO2max, training status, race predictions, HRV and sleep for this account. */
    public GarminInsights insights() {
        return new GarminInsights(client);
    }

    /** Freshness for the answer footer ("synced 4 min ago") and the last problem, if the last sync failed. */
    public SyncStamp stamp() {
        return cache.stamp();
    }

    @Override
    public List<ActivityHeader> list(Instant from, Instant to) {
        syncIfStale(from);
        return cache.headers(from, to);
    }

    @Override
    public Optional<Activity> load(String activityId) {
        Result<Activity> r = loadResult(activityId);
        return r.isOk() ? Optional.of(r.value()) : Optional.empty();
    }

    /**
     * The run from its list item, with no Garmin call: averages and totals, no samples or laps. A run already
     * cached in full is returned in full. The summary is never cached, so a later {@link #load} still fetches the
     * samples.
     */
    @Override
    public Optional<Activity> summary(String activityId) {
        Optional<Activity> cached = cache.activity(activityId);
        if (cached.isPresent()) {
            return cached;
        }
        Optional<AccountCache.ListedRun> listed = cache.listed(activityId);
        OptionalLong owner = ownerId();
        if (listed.isEmpty() || owner.isEmpty()) {
            return load(activityId);
        }
        Result<Activity> activity = ActivityNormaliser.normalise(
                GarminPayloads.of(listed.get().listItem()).withDetailRows(DetailRows.empty()), owner);
        return activity.isOk() ? Optional.of(activity.value()) : Optional.empty();
    }

    /** Like {@link #load} but says why when it fails. */
    public Result<Activity> loadResult(String activityId) {
        Optional<Activity> cached = cache.activity(activityId);
        if (cached.isPresent()) {
            return Result.ok(cached.get());
        }
        OptionalLong owner = ownerId();
        if (owner.isEmpty()) {
            return Result.failed(GarminProblemCode.GARMIN_NOT_LINKED, "no identity");
        }
        JsonNode summary;
        Optional<AccountCache.ListedRun> listed = cache.listed(activityId);
        if (listed.isPresent()) {
            summary = listed.get().listItem();
        } else {
            Result<JsonNode> detail = client.activity(activityId);
            if (!detail.isOk()) {
                return Result.failed(detail.problem());
            }
            summary = detail.value();
        }
        Result<DetailRows> details = client.detailRows(activityId);
        DetailRows samples = DetailRows.empty();
        if (details.isOk()) {
            samples = details.value();
        } else if (!tolerable(details.problem())) {
            return Result.failed(details.problem()); // do not cache a half activity because Garmin hiccupped
        }
        Result<Activity> activity = ActivityNormaliser.normalise(
                GarminPayloads.of(summary).withDetailRows(samples), owner);
        if (activity.isOk()) {
            cache.putActivity(activity.value());
        }
        return activity;
    }

    /** Manual and some indoor activities have no details; that is a run without samples, not a failure. */
    private static boolean tolerable(GarminProblem p) {
        return p.code() == GarminProblemCode.GARMIN_NO_DATA || p.code() == GarminProblemCode.GARMIN_NOT_FOUND;
    }

    /** The newest run, or an honest "couldn't load it"; never an older run in its place. */
    public LastRun lastRun() {
        SyncStamp stamp = syncIfStale(null);
        Optional<ActivityHeader> newest = cache.headers().stream().findFirst();
        if (stamp.lastProblem().isPresent()) {
            return new LastRun.Unavailable(stamp.lastProblem().get(), newest);
        }
        if (newest.isEmpty()) {
            return new LastRun.NoRuns(stamp);
        }
        Result<Activity> a = loadResult(newest.get().id());
        return a.isOk() ? new LastRun.Found(a.value(), stamp) : new LastRun.Unavailable(a.problem(), newest);
    }

    @Override
    public AthleteProfile profile() {
        Optional<AthleteProfile> p = profile;
        if (p.isPresent()) {
            return p.get();
        }
        Optional<JsonNode> cached = cache.userSettings();
        if (cached.isPresent()) {
            AthleteProfile known = ProfileNormaliser.athlete(cached.get());
            profile = Optional.of(known);
            return known;
        }
        Result<JsonNode> settings = client.userSettings();
        AthleteProfile fetched = settings.isOk() ? ProfileNormaliser.athlete(settings.value()) : AthleteProfile.unknown();
        if (settings.isOk()) {
            cache.userSettings(settings.value());
            profile = Optional.of(fetched);
        }
        return fetched;
    }

    /**
     * Syncs unless fresh. Concurrent callers share one sync: the first runs it, the others wait for its result.
     *
     * @param reachBack sync far enough back to cover this instant (null: newest page only)
     */
    public SyncStamp syncIfStale(Instant reachBack) {
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
        OptionalLong owner = ownerId();
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

    private OptionalLong ownerId() {
        return client.session().identity().map(i -> OptionalLong.of(i.profileId())).orElse(OptionalLong.empty());
    }
}
