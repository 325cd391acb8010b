package ai.pace42.garmin.files;

import ai.pace42.coach.model.Activity;
import ai.pace42.garmin.GarminProblem;
import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.Result;

import java.time.Instant;

/**
 * Picks what a ZIP of several activity files answers with: the run that started last (one without a start time
 * counts as oldest). Without any run, the most telling problem: a file that was an activity but could not be used
 * (not a run, unreadable) rather than the archive's other, unsupported files.
 */
final class NewestRun {

    private Activity newest;
    private GarminProblem problem;
    private boolean offered;

    void offer(Result<Activity> imported) {
        offered = true;
        if (imported.isOk()) {
            Activity a = imported.value();
            if (newest == null || start(a).isAfter(start(newest))) {
                newest = a;
            }
        } else if (problem == null || problem.code() == GarminProblemCode.FILE_UNSUPPORTED) {
            problem = imported.problem();
        }
    }

    Result<Activity> result() {
        if (newest != null) {
            return Result.ok(newest);
        }
        if (!offered) {
            return Result.failed(GarminProblemCode.FILE_UNREADABLE, "zip without a readable entry");
        }
        if (problem.code() != GarminProblemCode.FILE_UNSUPPORTED) {
            return Result.failed(problem);
        }
        return Result.failed(GarminProblemCode.FILE_UNSUPPORTED, "zip without a FIT, GPX or TCX file");
    }

    private static Instant start(Activity a) {
        return a.startInstant().orElse(Instant.MIN);
    }
}
