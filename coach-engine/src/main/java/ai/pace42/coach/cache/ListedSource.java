package ai.pace42.coach.cache;

import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.ActivityHeader;
import ai.pace42.coach.model.ActivitySource;
import ai.pace42.coach.model.AthleteProfile;
import ai.pace42.coach.model.ForwardingActivitySource;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A source seen through one answer: the listing and profile the cache keyed the answer by are the ones the coach
 * then answers from, so a Garmin sync (which a listing may start) happens once per question, not twice.
 */
final class ListedSource extends ForwardingActivitySource {

    private Instant listedFrom;
    private Instant listedTo;
    private List<ActivityHeader> listed;
    private AthleteProfile profile;
    private volatile boolean loadFailed;

    ListedSource(ActivitySource source) {
        super(source);
    }

    @Override
    public synchronized List<ActivityHeader> list(Instant from, Instant to) {
        if (listed == null || !from.equals(listedFrom) || !to.equals(listedTo)) {
            listed = List.copyOf(source().list(from, to));
            listedFrom = from;
            listedTo = to;
        }
        return listed;
    }

    @Override
    public Optional<Activity> load(String activityId) {
        try {
            return super.load(activityId);
        } catch (RuntimeException e) {
            loadFailed = true;
            throw e;
        }
    }

    @Override
    public Optional<Activity> summary(String activityId) {
        try {
            return super.summary(activityId);
        } catch (RuntimeException e) {
            loadFailed = true;
            throw e;
        }
    }

    /** True when a load threw: the answer then says "could not load", which must not outlive the outage. */
    boolean loadFailed() {
        return loadFailed;
    }

    @Override
    public synchronized AthleteProfile profile() {
        if (profile == null) {
            profile = super.profile();
        }
        return profile;
    }
}
