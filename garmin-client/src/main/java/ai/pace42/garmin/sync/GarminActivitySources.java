package ai.pace42.garmin.sync;

import ai.pace42.concurrent.DaemonThreads;
import ai.pace42.coach.model.ActivitySource;
import ai.pace42.coach.model.ActivitySourceResolver;
import ai.pace42.garmin.api.ConnectApiClient;
import ai.pace42.garmin.api.GarminHttp;
import ai.pace42.garmin.auth.AccountSession;
import ai.pace42.garmin.auth.GarminIdentity;
import ai.pace42.garmin.auth.GarminLink;
import ai.pace42.garmin.auth.GarminTokenStore;
import ai.pace42.garmin.auth.GarminTokens;
import ai.pace42.garmin.auth.TokenEndpoint;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Resolves a pace42 account to its own Garmin source: own session, own tokens, own cache view. There is no shared
 * or default Garmin client, so an account without a link gets no source rather than someone else's.
 * <p>
 * A resolved source (with its decrypted tokens) is reused for {@link #RECHECK}, so the secret store (decryption,
 * or a Vault round trip) is read about once a minute per active account instead of on every question. The
 * recheck notices an unlink or re-link made by another server instance; {@link #forget} drops it at once here.
 */
public final class GarminActivitySources implements ActivitySourceResolver {

    /** What /status shows about a link. */
    public record LinkState(String garminName, SyncStamp stamp) {
    }

    private final GarminHttp http;
    private final GarminTokenStore store;
    private final ActivityCache cache;
    private final Clock clock;
    private final TokenEndpoint tokens;
    /** How long a resolved source is trusted before the secret store is asked again. */
    static final Duration RECHECK = Duration.ofMinutes(1);

    private record Resolved(ActivitySource source, GarminIdentity identity, GarminTokens.Kind kind,
                            Instant checkedAt) {
    }

    private final Map<String, Resolved> sources = new ConcurrentHashMap<>();
    private volatile Consumer<String> lateData = accountId -> { };
    /** Where Garmin calls run, so an answer can stop waiting while they finish (bounded: Garmin is rate-limited). */
    private final ExecutorService calls = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(256), DaemonThreads.named("garmin-calls"));

    public GarminActivitySources(GarminHttp http, GarminTokenStore store, ActivityCache cache, Clock clock) {
        this.http = http;
        this.store = store;
        this.cache = cache;
        this.clock = clock;
        this.tokens = new TokenEndpoint(http, clock);
        io.micrometer.core.instrument.Gauge.builder("pace42.queue.depth",
                        () -> ((ThreadPoolExecutor) calls).getQueue().size() + ((ThreadPoolExecutor) calls).getActiveCount())
                .description("Work waiting or running").tag("queue", "garmin-calls").strongReference(true)
                .register(io.micrometer.core.instrument.Metrics.globalRegistry);
    }

    @Override
    public Optional<ActivitySource> resolve(String accountId) {
        if (accountId == null) {
            return Optional.empty();
        }
        // compute is atomic per key, so a concurrent forget() cannot be overtaken by a source built from a
        // secret that was deleted meanwhile.
        Instant now = clock.instant();
        return Optional.ofNullable(sources.compute(accountId, (id, known) -> {
            if (known != null && Duration.between(known.checkedAt(), now).compareTo(RECHECK) < 0) {
                return known;
            }
            Optional<GarminLink> link = store.load(id);
            if (link.isEmpty()) {
                return null;
            }
            GarminIdentity identity = link.get().identity();
            GarminTokens.Kind kind = link.get().tokens().kind();
            if (known != null && known.identity().equals(identity) && known.kind() == kind) {
                return new Resolved(known.source(), identity, kind, now); // same link; its session keeps its tokens
            }
            return new Resolved(build(id, link.get()), identity, kind, now);
        })).map(Resolved::source);
    }

    private ActivitySource build(String accountId, GarminLink link) {
        if (link.tokens().kind() == GarminTokens.Kind.PARTNER) {
            return new PartnerActivitySource(cache.account(accountId));
        }
        return new GarminActivitySource(new ConnectApiClient(http, new AccountSession(accountId, store, tokens, clock)),
                cache.account(accountId), clock, http.config().freshness(),
                new AnswerBudget(calls, http.config().answerBudget()), () -> lateData.accept(accountId));
    }

    /** Who hears that new data arrived after an answer went out without it (see {@link GarminActivitySource}). */
    public void onLateData(Consumer<String> listener) {
        this.lateData = listener;
    }

    /** The typed connectapi source, for callers that want {@link GarminActivitySource#lastRun()}. */
    public Optional<GarminActivitySource> garmin(String accountId) {
        return resolve(accountId).filter(GarminActivitySource.class::isInstance).map(GarminActivitySource.class::cast);
    }

    /** The account's credential check; undecided without a connectapi link (partner links are pushed to us). */
    public LinkCheck checkLink(String accountId) {
        return garmin(accountId).map(GarminActivitySource::checkLink).orElse(LinkCheck.UNDECIDED);
    }

    /** Who the account is linked as and when its data was last synced; empty when it has no Garmin link. */
    public Optional<LinkState> state(String accountId) {
        if (accountId == null) {
            return Optional.empty();
        }
        return store.load(accountId).map(link -> new LinkState(link.identity().label(),
                cache.account(accountId).stamp()));
    }

    /** After unlinking or re-linking: tokens, cache and session all go. */
    public void unlink(String accountId) {
        store.delete(accountId);
        forget(accountId);
    }

    /** Drops in-memory state and cached data for the account (call after a re-link saved new tokens). */
    public void forget(String accountId) {
        sources.remove(accountId);
        cache.evict(accountId);
    }
}
