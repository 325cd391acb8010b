package ai.pace42.coach.weather;

import java.time.Instant;
import java.util.Objects;

/**
 * One hour of Open-Meteo's air-quality forecast (CAMS); a value the model does not have is NaN.
 *
 * @param europeanAqi the European AQI (0–20 good … above 100 extremely poor)
 * @param usAqi       the US AQI (0–50 good … above 300 hazardous)
 * @param pm25        particulate matter under 2.5 µm, µg/m³
 */
public record AirQuality(Instant time, double europeanAqi, double usAqi, double pm25) {

    public AirQuality {
        Objects.requireNonNull(time, "time");
    }

    /** Whether either index was forecast for this hour. */
    public boolean hasIndex() {
        return !Double.isNaN(europeanAqi) || !Double.isNaN(usAqi);
    }
}
