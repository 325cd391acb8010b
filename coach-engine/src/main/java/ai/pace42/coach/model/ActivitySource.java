package ai.pace42.coach.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One runner's activities, wherever they live (Garmin, imported files, the sample athlete). Implementations are
 * bound to a single account by the {@link ActivitySourceResolver}, so no method takes an account id.
 * Implementations should not throw for missing data; an exception is treated as "could not load".
 */
public interface ActivitySource {

    /** Short label for answers, e.g. "Garmin", "imported files", "the sample athlete". */
    String label();

    /** True for the built-in sample athlete, so every answer can say the data is not the runner's own. */
    default boolean isSample() {
        return false;
    }

    /** Running activities that started in [from, to), newest first. */
    List<ActivityHeader> list(Instant from, Instant to);

    /** The full activity with samples and laps, or empty when it cannot be found. */
    Optional<Activity> load(String activityId);

    /**
     * The activity as cheaply as the source can give it; samples and laps may be missing. The coach builds the
     * history from summaries and loads in full only the run it analyses, so a remote source (Garmin) answers a
     * cold question with a couple of calls instead of one per run. Sources without a cheaper form load in full.
     */
    default Optional<Activity> summary(String activityId) {
        return load(activityId);
    }

    /** The device's readiness for a day (Garmin Training Readiness, HRV status); empty when not synced. */
    default Optional<Readiness> readiness(java.time.LocalDate day) {
        return Optional.empty();
    }

    /**
     * Why the data of the last {@link #list} (and loads since) may be missing or old: the refresh failed or ran
     * out of time. Empty when the data is as fresh as the source can make it.
     */
    default Optional<SourceTrouble> trouble() {
        return Optional.empty();
    }

    /**
     * When the data was last fetched from the runner's service (Garmin), so every answer can say how fresh it is;
     * empty for sources that hold everything themselves (files, the sample athlete).
     */
    default Optional<Instant> refreshedAt() {
        return Optional.empty();
    }

    /** The newest run the source knows of, however old, for a runner whose last run is outside the window. */
    default Optional<ActivityHeader> newest() {
        return Optional.empty();
    }

    /** What the source knows about the runner (thresholds, sex); unknown values stay empty. */
    default AthleteProfile profile() {
        return AthleteProfile.unknown();
    }
}
