package ai.pace42.coach.plan;

import ai.pace42.coach.analysis.RunAnalysis;
import ai.pace42.coach.fitness.TrainingHistory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Where the runner starts from, taken from the same fitness analysis the coach answers with.
 *
 * @param vdot          Daniels VDOT when one is known (paces are only prescribed with one)
 * @param weeklyM       average weekly distance of the last four weeks
 * @param recentRuns    runs of the last 30 days (the spike guard's baseline)
 * @param easyCeilingHr highest heart rate that still counts as easy, when known
 */
public record CurrentFitness(OptionalDouble vdot, double weeklyM, List<PastRun> recentRuns, OptionalDouble easyCeilingHr) {

    static final int VOLUME_WEEKS = 4;

    public CurrentFitness {
        recentRuns = List.copyOf(recentRuns);
    }

    public double longestRecentM() {
        return recentRuns.stream().mapToDouble(PastRun::distanceM).max().orElse(0);
    }

    public static CurrentFitness of(TrainingHistory history, Instant now) {
        Instant end = now.plusSeconds(1);
        double fourWeeks = history.between(end.minus(Duration.ofDays(7L * VOLUME_WEEKS)), end).stream()
                .mapToDouble(CurrentFitness::distance).sum();
        List<PastRun> recent = history.between(end.minus(Duration.ofDays(30)), end).stream()
                .map(r -> new PastRun(history.dateOf(r), distance(r))).toList();
        OptionalDouble vdot = history.thresholds().vdot().map(v -> OptionalDouble.of(v.value())).orElse(OptionalDouble.empty());
        OptionalDouble easyHr = history.thresholds().easyCeilingHr().map(OptionalDouble::of).orElse(OptionalDouble.empty());
        return new CurrentFitness(vdot, fourWeeks / VOLUME_WEEKS, recent, easyHr);
    }

    private static double distance(RunAnalysis r) {
        return Double.isNaN(r.distanceM()) ? 0 : r.distanceM();
    }
}
