package ai.pace42.coach.analysis;

/**
 * Daniels and Gilbert's oxygen-cost model. VDOT is the VO2 a race demands divided by the fraction of VO2max
 * sustainable for its duration; equivalent times solve the same equation for another distance.
 */
public final class Vdot {

    private Vdot() {
    }

    /** Oxygen cost in ml/kg/min of running at v metres per minute. */
    public static double oxygenCost(double metresPerMinute) {
        return -4.60 + 0.182258 * metresPerMinute + 0.000104 * metresPerMinute * metresPerMinute;
    }

    /** Fraction of VO2max sustainable for a race lasting the given minutes. */
    public static double sustainableFraction(double minutes) {
        return 0.8 + 0.1894393 * Math.exp(-0.012778 * minutes) + 0.2989558 * Math.exp(-0.1932605 * minutes);
    }

    /** VDOT of a performance; NaN for impossible input. */
    public static double of(double distanceM, double timeS) {
        if (!(distanceM > 0) || !(timeS > 0)) {
            return Double.NaN;
        }
        double minutes = timeS / 60.0;
        return oxygenCost(distanceM / minutes) / sustainableFraction(minutes);
    }

    /** Race time in seconds that matches the VDOT at the distance (bisection: VDOT falls as time grows). */
    public static double equivalentTimeS(double vdot, double distanceM) {
        double lo = distanceM / 10.0;   // 10 m/s: faster than any human
        double hi = distanceM / 0.5;    // walking pace
        for (int i = 0; i < 80; i++) {
            double mid = (lo + hi) / 2;
            if (of(distanceM, mid) > vdot) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /** Speed in m/s at which oxygen cost equals the given VO2 (the positive root of the cost quadratic). */
    public static double speedForOxygenCost(double vo2) {
        double a = 0.000104, b = 0.182258, c = -4.60 - vo2;
        double metresPerMinute = (-b + Math.sqrt(b * b - 4 * a * c)) / (2 * a);
        return metresPerMinute / 60.0;
    }
}
