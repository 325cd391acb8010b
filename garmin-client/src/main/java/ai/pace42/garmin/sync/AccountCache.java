package ai.pace42.garmin.sync;

import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.ActivityHeader;
import com.fasterxml.jackson.databind.JsonNode;

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

    /** Every listed run, newest first. */
    List<ListedRun> listed();

    Optional<ListedRun> listed(String activityId);

    Optional<Activity> activity(String activityId);

    void putActivity(Activity activity);

    SyncStamp stamp();

    void stamp(SyncStamp stamp);

    /** Unlink or re-link: forget everything. */
    void clear();
}
