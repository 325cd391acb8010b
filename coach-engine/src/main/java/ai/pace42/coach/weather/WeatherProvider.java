package ai.pace42.coach.weather;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The coach's port to a weather service (Open-Meteo in production, a fake in tests). */
public interface WeatherProvider {

    /**
     * Hourly forecast from the start of today (the place's zone) for {@code days} days.
     *
     * @throws WeatherUnavailableException when the service cannot answer
     */
    Forecast forecast(double latitude, double longitude, int days);

    /**
     * The weather of one past hour (a run's start), empty when the service has none.
     *
     * @throws WeatherUnavailableException when the service cannot answer
     */
    Optional<HourlyWeather> historical(double latitude, double longitude, Instant at);

    /**
     * Hourly air quality from the start of today (the place's zone) for up to {@code days} days (the air-quality
     * forecast reaches about five days). A provider without one says it is unavailable.
     *
     * @throws WeatherUnavailableException when the service cannot answer
     */
    default List<AirQuality> airQuality(double latitude, double longitude, int days) {
        throw new WeatherUnavailableException("air quality: not offered");
    }

    /**
     * Places matching a name, best first; empty when none matches.
     *
     * @throws WeatherUnavailableException when the service cannot answer
     */
    List<Place> search(String name);
}
