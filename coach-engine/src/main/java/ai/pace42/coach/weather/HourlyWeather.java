package ai.pace42.coach.weather;

import java.time.Instant;
import java.util.Objects;

/**
 * One forecast (or observed) hour, always in metric units; a value the model does not have is NaN (Open-Meteo
 * sends {@code null} for variables a model lacks and at the end of the horizon).
 *
 * @param time                 the start of the hour as an instant (local times are resolved with the IANA zone)
 * @param precipitationMm      the sum over the previous hour
 * @param precipitationProbPct chance of more than 0.1 mm in the previous hour
 * @param weatherCode          WMO code, -1 when unknown
 * @param gustKmh              the maximum over the previous hour
 * @param day                  1 daylight, 0 night, -1 unknown
 */
public record HourlyWeather(Instant time, double temperatureC, double dewPointC, double apparentC,
                            double precipitationProbPct, double precipitationMm, int weatherCode, double windKmh,
                            double gustKmh, double uvIndex, int day) {

    public HourlyWeather {
        Objects.requireNonNull(time, "time");
    }

    /** An hour with only a temperature and dew point, e.g. Garmin's activity weather or a hypothetical race day. */
    public static HourlyWeather ofHeat(Instant time, double temperatureC, double dewPointC) {
        return new HourlyWeather(time, temperatureC, dewPointC, Double.NaN, Double.NaN, Double.NaN, -1, Double.NaN,
                Double.NaN, Double.NaN, -1);
    }

    public boolean isDaylight() {
        return day != 0;
    }
}
