package ai.pace42.server.garmin;

import ai.pace42.garmin.sync.GarminActivitySources.LinkState;
import ai.pace42.garmin.sync.SyncStamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * "connected as Ada Alpha · synced 4 min ago" for /status. Recent syncs read as relative time; older ones as a
 * date and time in the runner's own time zone, which says more than "9 days ago".
 */
final class GarminStatusLine {

    private static final Duration RELATIVE_UP_TO = Duration.ofHours(48);
    private static final DateTimeFormatter OLDER = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);

    private GarminStatusLine() {
    }

    static String of(LinkState state, Instant now, ZoneId zone) {
        return "connected as " + state.garminName() + " · " + synced(state.stamp(), now, zone)
                + state.stamp().lastProblem().map(p -> " · the last sync failed (" + p.code().name() + "); "
                        + (needsRelink(p.code()) ? "send /link to reconnect" : "I'll try again when you ask"))
                .orElse("");
    }

    /** A stale link that only the runner can mend says so; anything else we retry on our own. */
    private static boolean needsRelink(ai.pace42.garmin.GarminProblemCode code) {
        return code == ai.pace42.garmin.GarminProblemCode.GARMIN_RELINK_REQUIRED
                || code == ai.pace42.garmin.GarminProblemCode.GARMIN_ACCESS_DENIED;
    }

    private static String synced(SyncStamp stamp, Instant now, ZoneId zone) {
        if (stamp.lastSuccess().isEmpty()
                || Duration.between(stamp.lastSuccess().get(), now).compareTo(RELATIVE_UP_TO) < 0) {
            return stamp.describe(now);
        }
        return "last synced " + stamp.lastSuccess().get().atZone(zone).format(OLDER);
    }
}
