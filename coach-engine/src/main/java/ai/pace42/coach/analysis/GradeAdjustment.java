package ai.pace42.coach.analysis;

/**
 * Minetti et al. (2002) energy cost of running on a gradient, used for grade-adjusted pace. Minetti over-credits
 * descents (its downhill race predictions err badly), so the factor is floored: a descent never counts as less
 * than {@link #DOWNHILL_FLOOR} of the flat effort. The floor is a design default to calibrate later.
 */
public final class GradeAdjustment {

    public static final double DOWNHILL_FLOOR = 0.88;
    private static final double FLAT_COST = 3.6;

    private GradeAdjustment() {
    }

    /** Cost of running in J/kg/m at a gradient (decimal), clamped to Minetti's valid range ±0.45. */
    public static double cost(double grade) {
        double i = Math.max(-0.45, Math.min(0.45, grade));
        return ((((155.4 * i - 30.4) * i - 43.3) * i + 46.3) * i + 19.5) * i + FLAT_COST;
    }

    /** Raw Minetti factor: effort relative to flat; GAP speed = speed × factor. */
    public static double minettiFactor(double grade) {
        return cost(grade) / FLAT_COST;
    }

    /** The factor pace42 uses: Minetti with the downhill floor. */
    public static double factor(double grade) {
        return Math.max(DOWNHILL_FLOOR, minettiFactor(grade));
    }
}
