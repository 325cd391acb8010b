package ai.pace42.coach.weather;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Hourly weather for one grid cell, in ascending time order.
 *
 * @param zone the cell's own zone (the place's), in which "morning" and "Sunday" are meant
 */
public record Forecast(double latitude, double longitude, ZoneId zone, List<HourlyWeather> hours) {

    public Forecast {
        Objects.requireNonNull(zone, "zone");
        hours = List.copyOf(hours);
    }

    /** The hours starting in [from, to). */
    public List<HourlyWeather> between(Instant from, Instant to) {
        return hours.stream().filter(h -> !h.time().isBefore(from) && h.time().isBefore(to)).toList();
    }
}
