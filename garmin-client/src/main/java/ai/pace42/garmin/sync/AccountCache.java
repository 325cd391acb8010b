package ai.pace42.garmin.sync;

import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.ActivityHeader;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One account's cached Garmin data. Obtained only through {@link ActivityCache#account(String)}, so code that
 * holds it cannot reach another account's entries.
 */
public interface AccountCache {

    /** A run from the activity list: its header plus the raw list item (the summary for a 2-call load). */
    record ListedRun(ActivityHeader header, JsonNode listItem) {
    }

    /** Adds or replaces listed runs by id. */
    void putListed(List<ListedRun> runs);

    /**
     * The headers of every listed run, newest first. Headers only: answering a question needs the list, while
     * the raw list items are needed one at a time ({@link #listed(String)}) and need not be held or decoded.
     */
    List<ActivityHeader> headers();

    /** Listed runs that started in [from, to), newest first: what {@code ActivitySource.list} answers. */
    default List<ActivityHeader> headers(Instant from, Instant to) {
        return headers().stream().filter(h -> h.start().map(z -> z.toInstant())
                .filter(s -> !s.isBefore(from) && s.isBefore(to)).isPresent()).toList();
    }

    Optional<ListedRun> listed(String activityId);

    Optional<Activity> activity(String activityId);

    void putActivity(Activity activity);

    SyncStamp stamp();

    void stamp(SyncStamp stamp);

    /**
     * How far back the listed runs are known to be complete: {@code Instant.MAX} when unknown, {@code Instant.MIN}
     * once the end of the runner's history was reached. Kept with the cache so a restart does not resync history.
     */
    Instant coveredFrom();

    void coveredFrom(Instant from);

    /** Garmin's raw user settings (thresholds, max HR), so the athlete profile costs no call after a restart. */
    Optional<JsonNode> userSettings();

    void userSettings(JsonNode settings);

    /** Unlink or re-link: forget everything. */
    void clear();
}
