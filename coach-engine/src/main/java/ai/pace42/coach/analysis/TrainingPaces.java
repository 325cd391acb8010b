package ai.pace42.coach.analysis;

/**
 * Daniels training paces for a VDOT, as speeds in m/s. E is a band from 59% to 74% of VO2max, but we show its
 * conservative (slow) part as the easy range because the top of the formula band is faster than Daniels' tables.
 * M is the pace of the VDOT-equivalent marathon.
 */
public record TrainingPaces(double vdot, double easySlowSpeed, double easyFastSpeed, double marathonSpeed,
                            double thresholdSpeed, double intervalSpeed, double repetitionSpeed) {

    public static final double MARATHON_M = 42_195;

    public static TrainingPaces forVdot(double vdot) {
        return new TrainingPaces(vdot,
                Vdot.speedForOxygenCost(0.59 * vdot),
                Vdot.speedForOxygenCost(0.70 * vdot),
                MARATHON_M / Vdot.equivalentTimeS(vdot, MARATHON_M),
                Vdot.speedForOxygenCost(0.88 * vdot),
                Vdot.speedForOxygenCost(0.975 * vdot),
                Vdot.speedForOxygenCost(1.05 * vdot));
    }

    /** Seconds per kilometre at a speed. */
    public static double secondsPerKm(double speedMps) {
        return 1000.0 / speedMps;
    }
}
