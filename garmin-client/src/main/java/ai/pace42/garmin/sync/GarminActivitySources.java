package ai.pace42.garmin.sync;

import ai.pace42.coach.model.ActivitySource;
import ai.pace42.coach.model.ActivitySourceResolver;
import ai.pace42.garmin.api.ConnectApiClient;
import ai.pace42.garmin.api.GarminHttp;
import ai.pace42.garmin.auth.AccountSession;
import ai.pace42.garmin.auth.GarminTokenStore;
import ai.pace42.garmin.auth.TokenEndpoint;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves a pace42 account to its own Garmin source: own session, own tokens, own cache view. There is no shared
 * or default Garmin client, so an account without a link gets no source rather than someone else's.
 */
public final class GarminActivitySources implements ActivitySourceResolver {

    private final GarminHttp http;
    private final GarminTokenStore store;
    private final ActivityCache cache;
    private final Clock clock;
    private final TokenEndpoint tokens;
    private final Map<String, GarminActivitySource> sources = new ConcurrentHashMap<>();

    public GarminActivitySources(GarminHttp http, GarminTokenStore store, ActivityCache cache, Clock clock) {
        this.http = http;
        this.store = store;
        this.cache = cache;
        this.clock = clock;
        this.tokens = new TokenEndpoint(http, clock);
    }

    @Override
    public Optional<ActivitySource> resolve(String accountId) {
        return garmin(accountId).map(s -> s);
    }

    /** The typed source, for callers that want {@link GarminActivitySource#lastRun()} and the freshness stamp. */
    public Optional<GarminActivitySource> garmin(String accountId) {
        if (accountId == null) {
            return Optional.empty();
        }
        var link = store.load(accountId);
        // Official (partner) links deliver data by push/ping, not through connectapi; that store is not built yet.
        if (link.isEmpty() || link.get().tokens().kind() != ai.pace42.garmin.auth.GarminTokens.Kind.DI) {
            return Optional.empty();
        }
        return Optional.of(sources.computeIfAbsent(accountId, id -> new GarminActivitySource(
                new ConnectApiClient(http, new AccountSession(id, store, tokens, clock)),
                cache.account(id), clock, http.config().freshness())));
    }

    /** After unlinking or re-linking: tokens, cache and session all go. */
    public void unlink(String accountId) {
        store.delete(accountId);
        forget(accountId);
    }

    /** Drops in-memory state for the account (call after a re-link saved new tokens). */
    public void forget(String accountId) {
        sources.remove(accountId);
        cache.evict(accountId);
    }
}
