package ai.pace42.coach.weather;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The one running-conditions scorer. Each factor is judged on its own against the thresholds in the coaching
 * reference (heat by Hadley's temperature + dew point bands, thunder, freezing rain, wind chill, gusts, rain, UV);
 * the hour scores as its worst factor.
 * <ul>
 *   <li>heat: 100 − 6 × the band's upper slow-down per cent; up to 1% is fine, more means slowing down; a sum
 *       above 180 °F scores 10, no hard running</li>
 *   <li>thunder (WMO 95, 96, 99): 0, don't run outdoors</li>
 *   <li>freezing rain or drizzle (56, 57, 66, 67): 40, caution</li>
 *   <li>cold (wind chill): below −27 °C 40, caution; at or below −10 °C 85, a note (layers)</li>
 *   <li>wind (gusts, else the mean wind): 60 km/h or more 40, caution; 40 km/h or more 85, an effort note</li>
 *   <li>rain: 60% or more with 0.5 mm or more 70, wet; snow 70, wet; a 30% chance or 0.1 mm 85, a note</li>
 *   <li>UV index 8 or more: 85, a sun note</li>
 *   <li>air quality, when its forecast reaches the hour: see {@link AirQualityFactor}</li>
 * </ul>
 */
public final class ConditionsScorer {

    private static final Set<Integer> THUNDER = Set.of(95, 96, 99);
    private static final Set<Integer> FREEZING = Set.of(56, 57, 66, 67);
    private static final Set<Integer> SNOW = Set.of(71, 73, 75, 77, 85, 86);

    private ConditionsScorer() {
    }

    /** Metric wording (°C, km/h). */
    public static HourScore score(HourlyWeather h) {
        return score(h, new WeatherFormat(ai.pace42.coach.UnitSystem.METRIC, java.time.ZoneOffset.UTC));
    }

    /** @param wf the units the factors' details are worded in */
    public static HourScore score(HourlyWeather h, WeatherFormat wf) {
        return score(h, null, wf);
    }

    /** @param air the hour's air quality, or null when there is none (unavailable, beyond its horizon) */
    public static HourScore score(HourlyWeather h, AirQuality air, WeatherFormat wf) {
        List<Factor> out = new ArrayList<>();
        heat(h, wf).ifPresent(out::add);
        if (THUNDER.contains(h.weatherCode())) {
            out.add(new Factor("thunder", Status.DONT_RUN, 0, "thunderstorms forecast"));
        }
        if (FREEZING.contains(h.weatherCode())) {
            out.add(new Factor("freezing rain", Status.CAUTION, 40, "freezing rain: icy ground"));
        }
        cold(h, wf).ifPresent(out::add);
        wind(h, wf).ifPresent(out::add);
        rain(h, wf).ifPresent(out::add);
        if (!Double.isNaN(h.uvIndex())) {
            out.add(h.uvIndex() >= 8
                    ? new Factor("UV", Status.NOTE, 85, "UV index " + whole(h.uvIndex()) + ": very high, cover up and use sunscreen")
                    : new Factor("UV", Status.OK, 100, "UV index " + whole(h.uvIndex())));
        }
        AirQualityFactor.of(air).ifPresent(out::add);
        return new HourScore(h, out);
    }

    private static java.util.Optional<Factor> heat(HourlyWeather h, WeatherFormat wf) {
        if (Double.isNaN(h.temperatureC()) || Double.isNaN(h.dewPointC())) {
            return java.util.Optional.empty();
        }
        HeatEffect e = HeatEffect.of(h.temperatureC(), h.dewPointC());
        String what = wf.temperature(h.temperatureC()) + ", dew point " + wf.temperature(h.dewPointC());
        if (e.noHardRunning()) {
            return java.util.Optional.of(new Factor("heat", Status.NO_HARD_RUNNING, 10,
                    what + ": too hot and humid for hard running"));
        }
        int score = (int) Math.round(100 - 6 * e.maxPct());
        Status s = e.maxPct() <= 1 ? Status.OK : Status.ADJUST;
        String detail = e.slowsDown() ? what + ": slow down " + e.range() : what;
        return java.util.Optional.of(new Factor("heat", s, score, detail));
    }

    /** Wind chill (Environment Canada / NWS, metric) for 10 °C or colder with more than 4.8 km/h of wind. */
    static double windChillC(double temperatureC, double windKmh) {
        if (Double.isNaN(windKmh) || temperatureC > 10 || windKmh <= 4.8) {
            return temperatureC;
        }
        double v = Math.pow(windKmh, 0.16);
        return 13.12 + 0.6215 * temperatureC - 11.37 * v + 0.3965 * temperatureC * v;
    }

    private static java.util.Optional<Factor> cold(HourlyWeather h, WeatherFormat wf) {
        if (Double.isNaN(h.temperatureC())) {
            return java.util.Optional.empty();
        }
        double chill = windChillC(h.temperatureC(), h.windKmh());
        if (chill < -27) {
            return java.util.Optional.of(new Factor("cold", Status.CAUTION, 40,
                    "wind chill " + wf.temperature(chill) + ": frostbite risk, keep it short and covered"));
        }
        if (chill <= -10) {
            return java.util.Optional.of(new Factor("cold", Status.NOTE, 85,
                    "wind chill " + wf.temperature(chill) + ": layers, gloves and a hat"));
        }
        return java.util.Optional.empty();
    }

    private static java.util.Optional<Factor> wind(HourlyWeather h, WeatherFormat wf) {
        double gust = Double.isNaN(h.gustKmh()) ? h.windKmh() : h.gustKmh();
        if (Double.isNaN(gust)) {
            return java.util.Optional.empty();
        }
        String what = (Double.isNaN(h.gustKmh()) ? "wind " : "gusts ") + wf.speed(gust);
        if (gust >= 60) {
            return java.util.Optional.of(new Factor("wind", Status.CAUTION, 40, what + ": falling branches, stay sheltered"));
        }
        if (gust >= 40) {
            return java.util.Optional.of(new Factor("wind", Status.NOTE, 85,
                    what + ": run by effort into the wind, not by pace"));
        }
        return java.util.Optional.of(new Factor("wind", Status.OK, 100, what));
    }

    private static java.util.Optional<Factor> rain(HourlyWeather h, WeatherFormat wf) {
        double p = h.precipitationProbPct();
        double mm = h.precipitationMm();
        if (Double.isNaN(p) && Double.isNaN(mm) && h.weatherCode() < 0) {
            return java.util.Optional.empty();
        }
        String what = (Double.isNaN(p) ? "" : whole(p) + "% chance of rain")
                + (Double.isNaN(mm) ? "" : (Double.isNaN(p) ? "" : ", ") + wf.rain(mm));
        if (SNOW.contains(h.weatherCode())) {
            return java.util.Optional.of(new Factor("rain", Status.WET, 70, "snow: slippery footing"));
        }
        if (p >= 60 && mm >= 0.5) {
            return java.util.Optional.of(new Factor("rain", Status.WET, 70, what + ": wet"));
        }
        if (p >= 30 || mm >= 0.1) {
            return java.util.Optional.of(new Factor("rain", Status.NOTE, 85, what + ": showers possible"));
        }
        return java.util.Optional.of(new Factor("rain", Status.OK, 100, what.isEmpty() ? "dry" : what));
    }

    static String whole(double v) {
        return String.valueOf(Math.round(v));
    }
}
