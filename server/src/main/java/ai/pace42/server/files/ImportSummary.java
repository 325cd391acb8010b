package ai.pace42.server.files;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one upload added to a runner's history, for the line at the end of an import. Files that are no activity
 * at all (the JSON and notes of a Garmin export) are not counted.
 *
 * @param runs       runs added
 * @param notRuns    activities skipped because they are not runs (rides, swims…)
 * @param duplicates runs already in the history: the same file, or the same run in another format
 * @param unreadable activity files that could not be read
 */
public record ImportSummary(int runs, int notRuns, int duplicates, int unreadable, Optional<YearMonth> from,
                            Optional<YearMonth> to) {

    /** E.g. "Imported 312 runs from 2019-03 to 2026-11; skipped 41 non-runs, 2 duplicates, 1 unreadable." */
    public String sentence() {
        StringBuilder b = new StringBuilder("Imported ").append(count(runs, "run", "runs"));
        if (from.isPresent() && to.isPresent()) {
            b.append(from.get().equals(to.get()) ? " from " + from.get() : " from " + from.get() + " to " + to.get());
        }
        List<String> skipped = new ArrayList<>();
        if (notRuns > 0) {
            skipped.add(count(notRuns, "non-run", "non-runs"));
        }
        if (duplicates > 0) {
            skipped.add(count(duplicates, "duplicate", "duplicates"));
        }
        if (unreadable > 0) {
            skipped.add(unreadable + " unreadable");
        }
        if (!skipped.isEmpty()) {
            b.append("; skipped ").append(String.join(", ", skipped));
        }
        return b.append('.').toString();
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
