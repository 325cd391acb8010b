package ai.pace42.garmin.auth;

import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.Result;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * One account's token state. Refreshes 15 minutes before expiry and saves the rotated refresh token at once; a
 * 401 gets exactly one refresh, then "re-link required". A lock per account stops two refreshes racing (the
 * loser would present an already-rotated refresh token and kill the link).
 */
public final class AccountSession {

    static final long REFRESH_SKEW_SECONDS = 15 * 60;

    private final String accountId;
    private final GarminTokenStore store;
    private final TokenEndpoint endpoint;
    private final Clock clock;
    private final Object lock = new Object();
    private GarminLink link;

    public AccountSession(String accountId, GarminTokenStore store, TokenEndpoint endpoint, Clock clock) {
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.store = store;
        this.endpoint = endpoint;
        this.clock = clock;
    }

    public String accountId() {
        return accountId;
    }

    public Optional<GarminIdentity> identity() {
        synchronized (lock) {
            return current().map(GarminLink::identity);
        }
    }

    /** A usable access token, refreshed first when it is about to expire. */
    public Result<String> accessToken() {
        synchronized (lock) {
            Optional<GarminLink> l = current();
            if (l.isEmpty()) {
                return Result.failed(GarminProblemCode.GARMIN_NOT_LINKED, "no tokens");
            }
            if (l.get().tokens().expiresWithin(clock.instant(), REFRESH_SKEW_SECONDS)) {
                GarminLink latest = reloaded(l.get());
                return latest.tokens().expiresWithin(clock.instant(), REFRESH_SKEW_SECONDS)
                        ? refreshLocked(latest) : Result.ok(latest.tokens().accessToken());
            }
            return Result.ok(l.get().tokens().accessToken());
        }
    }

    /**
     * Garmin answered 401 to {@code rejected}. If another thread already refreshed, use its token; otherwise
     * refresh once. The caller retries once and treats a second 401 as {@link #relinkRequired()}.
     */
    public Result<String> afterUnauthorized(String rejected) {
        synchronized (lock) {
            Optional<GarminLink> l = current();
            if (l.isEmpty()) {
                return Result.failed(GarminProblemCode.GARMIN_NOT_LINKED, "no tokens");
            }
            if (!l.get().tokens().accessToken().equals(rejected)) {
                return Result.ok(l.get().tokens().accessToken());
            }
            GarminLink latest = reloaded(l.get());
            if (!latest.tokens().accessToken().equals(rejected)) {
                return Result.ok(latest.tokens().accessToken());
            }
            return refreshLocked(latest);
        }
    }

    public <T> Result<T> relinkRequired() {
        return Result.failed(GarminProblemCode.GARMIN_RELINK_REQUIRED, "401 after refresh");
    }

    private Result<String> refreshLocked(GarminLink l) {
        Result<GarminTokens> refreshed = endpoint.refresh(l.tokens());
        if (!refreshed.isOk()) {
            return Result.failed(refreshed.problem());
        }
        GarminLink updated = l.withTokens(refreshed.value());
        store.save(accountId, updated); // before use: the old refresh token is already spent
        link = updated;
        return Result.ok(updated.tokens().accessToken());
    }

    /**
     * The stored link, if another server instance (sharing the database) already refreshed it: its refresh token
     * has rotated, so refreshing with our cached copy would fail and force a re-link. Read only before a refresh.
     */
    private GarminLink reloaded(GarminLink cached) {
        Optional<GarminLink> stored = store.load(accountId);
        if (stored.isPresent() && stored.get().identity().equals(cached.identity())) {
            link = stored.get();
            return stored.get();
        }
        return cached;
    }

    private Optional<GarminLink> current() {
        if (link == null) {
            link = store.load(accountId).orElse(null);
        }
        return Optional.ofNullable(link);
    }

    /** Drops the in-memory copy, e.g. after a re-link wrote new tokens to the store. */
    public void forget() {
        synchronized (lock) {
            link = null;
        }
    }
}
