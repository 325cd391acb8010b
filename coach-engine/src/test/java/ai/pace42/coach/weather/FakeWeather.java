package ai.pace42.coach.weather;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** A weather provider in memory: every hour from a function of the instant, or a failure. */
final class FakeWeather implements WeatherProvider {

    private final Function<Instant, HourlyWeather> hour;
    private final ZoneId zone;
    int forecasts;
    boolean fail;
    /** Air quality by instant; null: this provider fails to give any. */
    Function<Instant, AirQuality> air;

    FakeWeather(ZoneId zone, Function<Instant, HourlyWeather> hour) {
        this.zone = zone;
        this.hour = hour;
    }

    /** Every hour the same weather; daylight from 06:00 to 20:00 local time. */
    static FakeWeather constant(ZoneId zone, double temp, double dew, double prob, double mm) {
        return new FakeWeather(zone, t -> {
            int localHour = t.atZone(zone).getHour();
            return new HourlyWeather(t, temp, dew, temp, prob, mm, prob >= 60 ? 63 : 1, 10, 15, 2,
                    localHour >= 6 && localHour < 20 ? 1 : 0);
        });
    }

    @Override
    public Forecast forecast(double latitude, double longitude, int days) {
        forecasts++;
        if (fail) {
            throw new WeatherUnavailableException("HTTP 502 from the forecast API");
        }
        Instant start = LocalDate.of(2026, 6, 1).atStartOfDay(zone).toInstant();
        List<HourlyWeather> hours = new ArrayList<>();
        for (int i = 0; i < 24 * 60; i++) {
            hours.add(hour.apply(start.plusSeconds(3600L * i)));
        }
        return new Forecast(latitude, longitude, zone, hours);
    }

    @Override
    public List<AirQuality> airQuality(double latitude, double longitude, int days) {
        if (air == null) {
            throw new WeatherUnavailableException("air quality: HTTP 502");
        }
        Instant start = LocalDate.of(2026, 6, 1).atStartOfDay(zone).toInstant();
        List<AirQuality> hours = new ArrayList<>();
        for (int i = 0; i < 24 * 60; i++) {
            hours.add(air.apply(start.plusSeconds(3600L * i)));
        }
        return hours;
    }

    @Override
    public Optional<HourlyWeather> historical(double latitude, double longitude, Instant at) {
        return Optional.empty();
    }

    @Override
    public List<Place> search(String name) {
        return List.of();
    }
}
