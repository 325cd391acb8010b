package ai.pace42.coach.plan;

import ai.pace42.coach.answer.Format;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Daniels' time-off adjustment (coaching-science §5.4): after days without running the VDOT the paces come from is
 * multiplied by his FVDOT factor for that many days (no cross-training), interpolated linearly between the
 * table's points; five days or fewer change nothing, 72 or more give 0.800.
 */
public final class TimeOff {

    private static final int[] DAYS = {5, 7, 14, 21, 28, 42, 56, 72};
    private static final double[] FACTOR = {1.000, 0.994, 0.973, 0.952, 0.931, 0.889, 0.847, 0.800};
    /** The fitness window holds 30 days of runs: with none in it the break is at least that long. */
    static final int UNKNOWN_GAP_DAYS = 30;

    /** A fitness with its VDOT reduced for a break, and the sentence that says so (empty when nothing changed). */
    public record Adjusted(CurrentFitness fitness, Optional<String> note) {
    }

    private TimeOff() {
    }

    public static double vdotFactor(int daysOff) {
        if (daysOff <= DAYS[0]) {
            return FACTOR[0];
        }
        for (int i = 1; i < DAYS.length; i++) {
            if (daysOff <= DAYS[i]) {
                double t = (double) (daysOff - DAYS[i - 1]) / (DAYS[i] - DAYS[i - 1]);
                return FACTOR[i - 1] + t * (FACTOR[i] - FACTOR[i - 1]);
            }
        }
        return FACTOR[FACTOR.length - 1];
    }

    /** Whole days since the newest run before {@code today} (the days in between had no run). */
    public static int daysSinceLastRun(CurrentFitness fitness, LocalDate today) {
        return fitness.recentRuns().stream().map(PastRun::date).filter(d -> d.isBefore(today)).max(LocalDate::compareTo)
                .map(d -> (int) ChronoUnit.DAYS.between(d, today) - 1).orElse(UNKNOWN_GAP_DAYS);
    }

    /** The fitness after {@code daysOff} days without running; unchanged without a VDOT or for five days or fewer. */
    public static Adjusted after(CurrentFitness fitness, int daysOff) {
        double factor = vdotFactor(daysOff);
        if (fitness.vdot().isEmpty() || factor >= 1) {
            return new Adjusted(fitness, Optional.empty());
        }
        double before = fitness.vdot().getAsDouble();
        double after = before * factor;
        CurrentFitness reduced = new CurrentFitness(OptionalDouble.of(after), fitness.weeklyM(), fitness.recentRuns(), fitness.easyCeilingHr());
        return new Adjusted(reduced, Optional.of(String.format(Locale.ROOT,
                "After %d days without running the paces use VDOT %s instead of %s (Daniels' time-off factor %.3f).",
                daysOff, Format.one(after), Format.one(before), factor)));
    }
}
