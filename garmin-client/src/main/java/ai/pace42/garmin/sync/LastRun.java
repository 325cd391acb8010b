package ai.pace42.garmin.sync;

import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.ActivityHeader;
import ai.pace42.garmin.GarminProblem;

import java.util.Optional;

/**
 * "Your last run": the newest run, or an honest failure. Never an older run in the newest one's place (the
 * prototype silently analysed an older run when the newest failed to load).
 */
public sealed interface LastRun {

    /** The newest run, with the freshness of the list it was picked from. */
    record Found(Activity activity, SyncStamp stamp) implements LastRun {
    }

    /**
     * The newest run could not be loaded, or we could not confirm which run is newest.
     *
     * @param newestKnown the newest run we know of, to name in the apology ("I couldn't load your run of …"),
     *                    never to analyse in its place
     */
    record Unavailable(GarminProblem problem, Optional<ActivityHeader> newestKnown) implements LastRun {
    }

    /** The account has no runs at all. */
    record NoRuns(SyncStamp stamp) implements LastRun {
    }
}
