package ai.pace42.garmin.sync;

import ai.pace42.garmin.GarminProblem;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The outcome of the last sync attempt for one account: when data was last fetched successfully, and the problem
 * of the latest attempt if it failed. Users see it as "synced 4 min ago".
 */
public record SyncStamp(Optional<Instant> lastSuccess, Optional<Instant> lastAttempt,
                        Optional<GarminProblem> lastProblem) {

    public SyncStamp {
        lastSuccess = lastSuccess == null ? Optional.empty() : lastSuccess;
        lastAttempt = lastAttempt == null ? Optional.empty() : lastAttempt;
        lastProblem = lastProblem == null ? Optional.empty() : lastProblem;
    }

    public static SyncStamp never() {
        return new SyncStamp(Optional.empty(), Optional.empty(), Optional.empty());
    }

    public SyncStamp succeeded(Instant at) {
        return new SyncStamp(Optional.of(at), Optional.of(at), Optional.empty());
    }

    public SyncStamp failed(Instant at, GarminProblem problem) {
        return new SyncStamp(lastSuccess, Optional.of(at), Optional.of(problem));
    }

    public boolean freshAt(Instant now, Duration window) {
        return lastProblem.isEmpty() && lastSuccess.map(t -> Duration.between(t, now).compareTo(window) < 0)
                .orElse(false);
    }

    /** "synced just now", "synced 4 min ago", "synced 3 h ago", "not synced yet". */
    public String describe(Instant now) {
        if (lastSuccess.isEmpty()) {
            return "not synced yet";
        }
        long s = Math.max(0, Duration.between(lastSuccess.get(), now).getSeconds());
        if (s < 60) {
            return "synced just now";
        }
        if (s < 3600) {
            return "synced " + s / 60 + " min ago";
        }
        if (s < 48 * 3600) {
            return "synced " + s / 3600 + " h ago";
        }
        return "synced " + s / 86400 + " days ago";
    }
}
