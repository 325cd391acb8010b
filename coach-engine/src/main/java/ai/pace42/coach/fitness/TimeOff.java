package ai.pace42.coach.fitness;

/** Daniels' FVDOT multipliers after days without running (no cross-training row), linearly interpolated. */
public final class TimeOff {

    private static final int[] DAYS = {5, 7, 14, 21, 28, 42, 56, 72};
    private static final double[] NO_CROSS = {1.000, 0.994, 0.973, 0.952, 0.931, 0.889, 0.847, 0.800};
    private static final double[] WITH_CROSS = {1.000, 0.997, 0.986, 0.976, 0.965, 0.944, 0.923, 0.900};

    private TimeOff() {
    }

    public static double vdotFactor(double daysOff, boolean crossTraining) {
        double[] f = crossTraining ? WITH_CROSS : NO_CROSS;
        if (daysOff <= DAYS[0]) {
            return 1.0;
        }
        for (int i = 1; i < DAYS.length; i++) {
            if (daysOff <= DAYS[i]) {
                double t = (daysOff - DAYS[i - 1]) / (DAYS[i] - DAYS[i - 1]);
                return f[i - 1] + t * (f[i] - f[i - 1]);
            }
        }
        return f[f.length - 1];
    }

    /** First-week volume after a break of 4+ weeks is 40–50% of the pre-break week (we scale it from 14 days). */
    public static double[] firstWeekShare(double daysOff) {
        if (daysOff < 7) {
            return new double[] {1.0, 1.0};
        }
        if (daysOff < 14) {
            return new double[] {0.7, 0.8};
        }
        return new double[] {0.4, 0.5};
    }
}
