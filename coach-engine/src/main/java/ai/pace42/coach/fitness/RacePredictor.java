package ai.pace42.coach.fitness;

import ai.pace42.coach.analysis.Vdot;

/**
 * VDOT-equivalent and Riegel times from the best recent performance; for half and full marathon also a
 * volume-adjusted estimate, because both formulas are too fast for runners without the mileage (§3.13).
 */
public final class RacePredictor {

    public static final double RIEGEL_EXPONENT = 1.06;

    private RacePredictor() {
    }

    public static double riegel(double knownDistanceM, double knownTimeS, double targetDistanceM) {
        return knownTimeS * Math.pow(targetDistanceM / knownDistanceM, RIEGEL_EXPONENT);
    }

    /**
     * @param weeklyKm       average weekly distance over the last 6 weeks
     * @param longestRecentKm longest run of the last 10 weeks
     */
    public static RaceTime predict(String name, double targetM, double vdot, double knownDistanceM, double knownTimeS,
                                   double weeklyKm, double longestRecentKm) {
        double vdotTime = Vdot.equivalentTimeS(vdot, targetM);
        double riegelTime = riegel(knownDistanceM, knownTimeS, targetM);
        double ceiling = Math.min(vdotTime, riegelTime);
        if (targetM < 20_000) {
            return new RaceTime(name, targetM, vdotTime, riegelTime, Double.NaN, "");
        }
        boolean marathon = targetM > 30_000;
        double volumeTarget = marathon ? 70 : 40;
        double longTarget = marathon ? 30 : 16;
        double volumePenalty = clamp((volumeTarget - weeklyKm) / volumeTarget) * (marathon ? 0.10 : 0.05);
        double longPenalty = clamp((longTarget - longestRecentKm) / longTarget) * (marathon ? 0.05 : 0.02);
        double adjusted = ceiling * (1 + volumePenalty + longPenalty);
        String note = String.format(java.util.Locale.ROOT,
                "estimate adjusted for %.0f km/week and a longest recent run of %.0f km (pace42 heuristic)",
                weeklyKm, longestRecentKm);
        return new RaceTime(name, targetM, vdotTime, riegelTime, adjusted, note);
    }

    private static double clamp(double x) {
        return Math.max(0, Math.min(1, x));
    }
}
