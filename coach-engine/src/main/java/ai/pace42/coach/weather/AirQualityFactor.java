package ai.pace42.coach.weather;

import java.util.Optional;

/**
 * Air quality as one factor of the conditions score, from the bands in the coaching reference. The European and
 * the US index are judged each on its own and the worse one counts (the same "worst factor" rule as the hour):
 * <ul>
 *   <li>European AQI: up to 60 (good, fair, moderate) fine; above 60 (poor) 85, a note; above 80 (very poor) 30
 *       and above 100 (extremely poor) 20, indoors or easy</li>
 *   <li>US AQI: up to 100 (good, moderate) fine; above 100 (unhealthy for sensitive groups) 85, a note; above 150
 *       (unhealthy) 30 and above 200 (very unhealthy, hazardous) 20, indoors or easy</li>
 * </ul>
 */
final class AirQualityFactor {

    static final String NAME = "air quality";

    private AirQualityFactor() {
    }

    static Optional<Factor> of(AirQuality aq) {
        if (aq == null || !aq.hasIndex()) {
            return Optional.empty();
        }
        Optional<Factor> eu = Double.isNaN(aq.europeanAqi()) ? Optional.empty() : Optional.of(european(aq));
        Optional<Factor> us = Double.isNaN(aq.usAqi()) ? Optional.empty() : Optional.of(us(aq));
        if (eu.isEmpty() || us.isEmpty()) {
            return eu.isPresent() ? eu : us;
        }
        return Optional.of(us.get().score() < eu.get().score() ? us.get() : eu.get());
    }

    /** "good", "fair" … "extremely poor". */
    static String europeanBand(double v) {
        return v <= 20 ? "good" : v <= 40 ? "fair" : v <= 60 ? "moderate" : v <= 80 ? "poor" : v <= 100 ? "very poor"
                : "extremely poor";
    }

    /** "good", "moderate" … "hazardous". */
    static String usBand(double v) {
        return v <= 50 ? "good" : v <= 100 ? "moderate" : v <= 150 ? "unhealthy for sensitive groups"
                : v <= 200 ? "unhealthy" : v <= 300 ? "very unhealthy" : "hazardous";
    }

    private static Factor european(AirQuality aq) {
        double v = aq.europeanAqi();
        String what = "European AQI " + Math.round(v) + " (" + europeanBand(v) + ")" + pm(aq);
        return v > 100 ? indoors(20, what) : v > 80 ? indoors(30, what) : v > 60 ? note(what) : ok(what);
    }

    private static Factor us(AirQuality aq) {
        double v = aq.usAqi();
        String what = "US AQI " + Math.round(v) + " (" + usBand(v) + ")" + pm(aq);
        return v > 200 ? indoors(20, what) : v > 150 ? indoors(30, what) : v > 100 ? note(what) : ok(what);
    }

    private static String pm(AirQuality aq) {
        return Double.isNaN(aq.pm25()) ? "" : ", PM2.5 " + Math.round(aq.pm25()) + " µg/m³";
    }

    private static Factor indoors(int score, String what) {
        return new Factor(NAME, Status.INDOORS_OR_EASY, score, what + ": run indoors or easy");
    }

    private static Factor note(String what) {
        return new Factor(NAME, Status.NOTE, 85, what + ": sensitive runners take it easy");
    }

    private static Factor ok(String what) {
        return new Factor(NAME, Status.OK, 100, what);
    }
}
