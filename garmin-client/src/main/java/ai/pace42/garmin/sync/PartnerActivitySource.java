package ai.pace42.garmin.sync;

import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.ActivityHeader;
import ai.pace42.coach.model.ActivitySource;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The runs of an account linked through the official Developer Program. Garmin delivers them by push or ping
 * ({@code partner.PartnerInbox}), so this source only reads the account's cache and never calls Garmin.
 */
public final class PartnerActivitySource implements ActivitySource {

    private final AccountCache cache;

    public PartnerActivitySource(AccountCache cache) {
        this.cache = cache;
    }

    @Override
    public String label() {
        return "Garmin";
    }

    /** When Garmin last delivered data for this account. */
    public SyncStamp stamp() {
        return cache.stamp();
    }

    /** Garmin pushes to us, so the data is as fresh as its last delivery: answers say "synced … ago" from it. */
    @Override
    public Optional<Instant> refreshedAt() {
        return cache.stamp().lastSuccess();
    }

    @Override
    public List<ActivityHeader> list(Instant from, Instant to) {
        return cache.headers(from, to);
    }

    @Override
    public Optional<Activity> load(String activityId) {
        return cache.activity(activityId);
    }
}
