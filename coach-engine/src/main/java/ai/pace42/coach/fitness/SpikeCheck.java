package ai.pace42.coach.fitness;

/** A run's distance against the 30-day longest before it; increasePct is NaN without a baseline. */
public record SpikeCheck(double distanceM, double longest30dM, double increasePct, SpikeLevel level) {

    /** Longest run the guard allows next: 110% of the 30-day longest. */
    public static final double ALLOWED_FACTOR = 1.10;

    public static SpikeCheck of(double distanceM, double longest30dM) {
        double pct = longest30dM > 0 ? (distanceM / longest30dM - 1) * 100 : Double.NaN;
        return new SpikeCheck(distanceM, longest30dM, pct, SpikeLevel.of(pct));
    }
}
