package ai.pace42.garmin.partner;

import ai.pace42.coach.model.Activity;
import ai.pace42.garmin.GarminProblem;
import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.Result;
import ai.pace42.garmin.api.ConnectApiClient;
import ai.pace42.garmin.api.GarminHttp;
import ai.pace42.garmin.auth.AccountSession;
import ai.pace42.garmin.auth.GarminLink;
import ai.pace42.garmin.auth.GarminTokenStore;
import ai.pace42.garmin.auth.GarminTokens;
import ai.pace42.garmin.auth.TokenEndpoint;
import ai.pace42.garmin.sync.AccountCache;
import ai.pace42.garmin.sync.ActivityCache;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Files what the Developer Program delivers into the account's cache: pushed summaries as they are, pinged ones
 * after fetching the callback URL with that user's own token (through {@link GarminHttp}, so rate-limited).
 * Storing is an upsert by activity id, so Garmin's redeliveries change nothing. Never throws.
 */
public final class PartnerInbox {

    /** Summary types that carry runs; dailies, sleeps and the rest are acknowledged and not fetched. */
    static final Set<String> ACTIVITY_TYPES = Set.of("activities", "activityDetails", "manuallyUpdatedActivities");

    public enum Status {
        /** Runs were filed (possibly zero, when the delivery held only non-running activities). */
        STORED,
        /** A summary type pace42 does not use. */
        IGNORED_TYPE,
        /** No pace42 account is linked to this Garmin user id (any more). */
        UNKNOWN_USER,
        /** Garmin could not be asked (callback fetch failed) or sent something unusable. */
        FAILED
    }

    /** @param accountId the account the delivery was filed under, when one was found */
    public record Outcome(Status status, Optional<String> accountId, int stored, Optional<GarminProblem> problem) {

        static Outcome of(Status status) {
            return new Outcome(status, Optional.empty(), 0, Optional.empty());
        }
    }

    private final GarminHttp http;
    private final GarminTokenStore store;
    private final ActivityCache cache;
    private final PartnerUsers users;
    private final Clock clock;
    private final TokenEndpoint tokens;

    public PartnerInbox(GarminHttp http, GarminTokenStore store, ActivityCache cache, PartnerUsers users) {
        this.http = http;
        this.store = store;
        this.cache = cache;
        this.users = users;
        this.clock = http.clock();
        this.tokens = new TokenEndpoint(http, clock);
    }

    public Outcome ping(PartnerPing ping) {
        if (!ACTIVITY_TYPES.contains(ping.summaryType())) {
            return Outcome.of(Status.IGNORED_TYPE);
        }
        Optional<String> account = linkedAccount(ping.userId());
        if (account.isEmpty()) {
            return Outcome.of(Status.UNKNOWN_USER);
        }
        ConnectApiClient client = new ConnectApiClient(http, new AccountSession(account.get(), store, tokens, clock));
        Result<JsonNode> body = client.getUrl(ping.callbackUrl());
        if (body.isOk() && !body.value().isArray()) {
            body = Result.failed(GarminProblemCode.GARMIN_BAD_DATA, "callback body is not a list");
        }
        if (!body.isOk()) {
            AccountCache c = cache.account(account.get());
            c.stamp(c.stamp().failed(clock.instant(), body.problem()));
            return new Outcome(Status.FAILED, account, 0, Optional.of(body.problem()));
        }
        return file(account.get(), ping.userId(), body.value());
    }

    public Outcome push(PartnerPush push) {
        if (!ACTIVITY_TYPES.contains(push.summaryType())) {
            return Outcome.of(Status.IGNORED_TYPE);
        }
        Optional<String> account = linkedAccount(push.userId());
        if (account.isEmpty()) {
            return Outcome.of(Status.UNKNOWN_USER);
        }
        return file(account.get(), push.userId(), List.of(push.summary()));
    }

    /** True for summary types that carry runs; others are acknowledged and never stored. */
    public boolean wanted(String summaryType) {
        return ACTIVITY_TYPES.contains(summaryType);
    }

    /**
     * The account a notification for this Garmin user may be filed under: the mapping must agree with the stored
     * link itself (official kind, same Developer Program user id), so a stale mapping after a re-link, or a user
     * id pace42 does not know, files nothing.
     */
    public Optional<String> accountFor(String userId) {
        return linkedAccount(userId);
    }

    private Optional<String> linkedAccount(String userId) {
        return users.accountOf(userId).filter(id -> store.load(id)
                .filter(l -> l.tokens().kind() == GarminTokens.Kind.PARTNER)
                .map(GarminLink::identity)
                .filter(i -> i.partnerUserId().equals(userId))
                .isPresent());
    }

    private Outcome file(String accountId, String userId, Iterable<JsonNode> items) {
        AccountCache c = cache.account(accountId);
        int stored = 0;
        for (JsonNode item : items) {
            JsonNode summary = summaryOf(item);
            Result<Activity> a = PartnerActivityNormaliser.normalise(summary, userId);
            if (a.isOk()) {
                // Activity first: a listed run then always has its activity, even if the second write fails.
                c.putActivity(a.value());
                c.putListed(List.of(new AccountCache.ListedRun(a.value().header(), summary)));
                stored++;
            }
        }
        c.stamp(c.stamp().succeeded(clock.instant()));
        return new Outcome(Status.STORED, Optional.of(accountId), stored, Optional.empty());
    }

    /** Activity details nest the summary under {@code summary} and keep the ids beside it. */
    private static JsonNode summaryOf(JsonNode item) {
        JsonNode inner = item.get("summary");
        if (inner == null || !inner.isObject() || !item.isObject()) {
            return item;
        }
        ObjectNode merged = ((ObjectNode) inner).deepCopy();
        for (String id : List.of("userId", "summaryId", "activityId")) {
            if (!merged.has(id) && item.has(id)) {
                merged.set(id, item.get(id));
            }
        }
        return merged;
    }
}
