package ai.pace42.garmin.sync;

import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.ActivityHeader;
import ai.pace42.coach.model.ActivitySource;
import ai.pace42.coach.model.AthleteProfile;
import ai.pace42.coach.model.SourceTrouble;
import ai.pace42.garmin.GarminProblem;
import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.Result;
import ai.pace42.garmin.api.ConnectApiClient;
import ai.pace42.garmin.normalise.ProfileNormaliser;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One account's runs from Garmin Connect, behind the coach's {@link ActivitySource} port: what one answer may wait
 * for (its {@link AnswerBudget}), what went wrong during it, and the athlete's profile. The list is synced by
 * {@link ActivityListSync} (newest first, incrementally, at most once per freshness window); a run is fetched and
 * mapped by {@link GarminRuns} (the cached list item plus its details, so a cold "analyse my last run" costs two
 * Garmin calls and a warm one none). Every activity's owner is checked against the linked Garmin profile.
 */
public final class GarminActivitySource implements ActivitySource {

    static final int PAGE_SIZE = ActivityListSync.PAGE_SIZE;

    private final ConnectApiClient client;
    private final AccountCache cache;
    private final Clock clock;
    private final Duration freshness;
    private final AnswerBudget budget;
    private final Runnable lateData;
    private final ActivityListSync listSync;
    private final GarminRuns runs;
    private volatile Optional<AthleteProfile> profile = Optional.empty();
    /** What went wrong with Garmin during the current answer (one account's answers run one at a time). */
    private volatile Optional<SourceTrouble> trouble = Optional.empty();

    /**
     * @param budget how long one answer may wait for Garmin in total; the calls themselves run on its executor
     *               and go on after the answer was sent
     */
    public GarminActivitySource(ConnectApiClient client, AccountCache cache, Clock clock, Duration freshness,
                                AnswerBudget budget) {
        this(client, cache, clock, freshness, budget, () -> { });
    }

    /**
     * @param lateData called once after an answer went out without Garmin's newest data (the budget ran out)
     *                 and the background sync then brought new runs
     */
    public GarminActivitySource(ConnectApiClient client, AccountCache cache, Clock clock, Duration freshness,
                                AnswerBudget budget, Runnable lateData) {
        this.client = client;
        this.cache = cache;
        this.clock = clock;
        this.freshness = freshness;
        this.budget = budget;
        this.lateData = lateData;
        this.listSync = new ActivityListSync(client, cache, clock, freshness, this::ownerId);
        this.runs = new GarminRuns(client, cache, this::ownerId);
    }

    @Override
    public String label() {
        return "Garmin";
    }

    /** VO2max, training status, race predictions, HRV and sleep for this account. */
    public GarminInsights insights() {
        return new GarminInsights(client);
    }

    /** Checks the stored credentials with one cheap real call (see {@link LinkCheck}). */
    public LinkCheck checkLink() {
        return LinkCheck.of(client.socialProfile());
    }

    /** Freshness for the answer footer ("synced 4 min ago") and the last problem, if the last sync failed. */
    public SyncStamp stamp() {
        return cache.stamp();
    }

    /**
     * Starts an answer: syncs (and loads the newest run of the window in full) within the answer's budget. Past
     * the budget, or when Garmin fails, the cached runs are listed and {@link #trouble()} says why they are old.
     */
    @Override
    public List<ActivityHeader> list(Instant from, Instant to) {
        trouble = Optional.empty();
        budget.start();
        CacheView before = CacheView.of(cache);
        Optional<SyncStamp> synced = budget.await(() -> {
            SyncStamp s = syncIfStale(from);
            if (s.lastProblem().isEmpty()) { // everything a cold answer needs, under the one budget
                cache.headers(from, to).stream().findFirst().ifPresent(newest -> loadResult(newest.id()));
                if (profile.isEmpty() && cache.userSettings().isEmpty()) {
                    fetchProfile();
                }
            }
            return s;
        }, late -> {
            if (late.lastProblem().isEmpty() && !CacheView.of(cache).equals(before)) {
                lateData.run();
            }
        });
        if (synced.isEmpty()) {
            note(GarminProblem.of(GarminProblemCode.GARMIN_SLOW, "answer budget spent on the sync"));
        } else {
            synced.get().lastProblem().ifPresent(this::note);
        }
        return cache.headers(from, to);
    }

    /** What an answer saw of the cache: a later view that differs means new data arrived. */
    private record CacheView(int runs, Optional<String> newest, boolean newestInFull) {

        static CacheView of(AccountCache cache) {
            List<ActivityHeader> headers = cache.headers();
            Optional<String> newest = headers.stream().findFirst().map(ActivityHeader::id);
            return new CacheView(headers.size(), newest,
                    newest.map(id -> cache.activity(id).isPresent()).orElse(false));
        }
    }

    /** When the runs were last fetched from Garmin, for the "synced 4 min ago" of every answer. */
    @Override
    public Optional<Instant> refreshedAt() {
        return cache.stamp().lastSuccess();
    }

    @Override
    public Optional<SourceTrouble> trouble() {
        return trouble;
    }

    @Override
    public Optional<ActivityHeader> newest() {
        return cache.headers().stream().findFirst();
    }

    /**
     * The run in full if Garmin gives it within what is left of the answer's budget; otherwise (or when Garmin
     * fails) the run from its list item, so the answer still has its totals and averages.
     */
    @Override
    public Optional<Activity> load(String activityId) {
        Optional<Activity> cached = cache.activity(activityId);
        if (cached.isPresent()) {
            return cached;
        }
        Optional<Result<Activity>> r = budget.await(() -> loadResult(activityId));
        if (r.isPresent() && r.get().isOk()) {
            return Optional.of(r.get().value());
        }
        note(r.isEmpty() ? GarminProblem.of(GarminProblemCode.GARMIN_SLOW, "answer budget spent on a run")
                : r.get().problem());
        return listedSummary(activityId);
    }

    /** Records the first problem of this answer, with the time Garmin lets us try again. */
    private void note(GarminProblem p) {
        if (trouble.isPresent() || p.code() == GarminProblemCode.GARMIN_NOT_FOUND
                || p.code() == GarminProblemCode.GARMIN_NOT_A_RUN) {
            return;
        }
        Optional<Instant> retryAt = p.code() == GarminProblemCode.GARMIN_RATE_LIMITED
                ? p.retryAfter().map(d -> clock.instant().plus(d)) : Optional.empty();
        trouble = Optional.of(new SourceTrouble(p.code().name(), GarminTroubleText.reason(p), retryAt,
                cache.stamp().lastSuccess()));
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
        return cache.listed(activityId).isPresent() ? listedSummary(activityId) : load(activityId);
    }

    /** Like {@link #load} but says why when it fails. */
    public Result<Activity> loadResult(String activityId) {
        return runs.load(activityId);
    }

    private Optional<Activity> listedSummary(String activityId) {
        return runs.listedSummary(activityId);
    }

    /**
     * Syncs unless fresh. Concurrent callers share one sync: the first runs it, the others wait for its result.
     *
     * @param reachBack sync far enough back to cover this instant (null: newest page only)
     */
    public SyncStamp syncIfStale(Instant reachBack) {
        return listSync.syncIfStale(reachBack);
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
        return budget.await(this::fetchProfile).orElseGet(AthleteProfile::unknown);
    }

    private AthleteProfile fetchProfile() {
        Result<JsonNode> settings = client.userSettings();
        if (!settings.isOk()) {
            return AthleteProfile.unknown();
        }
        cache.userSettings(settings.value());
        AthleteProfile fetched = ProfileNormaliser.athlete(settings.value());
        profile = Optional.of(fetched);
        return fetched;
    }

    private OptionalLong ownerId() {
        return client.session().identity().map(i -> OptionalLong.of(i.profileId())).orElse(OptionalLong.empty());
    }
}
