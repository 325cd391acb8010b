package ai.pace42.bot.location;

import ai.pace42.coach.weather.WeatherUnavailableException;
import java.time.ZoneId;

/** The time zone of a point (Open-Meteo's forecast answers with it); used for a location the runner shared. */
@FunctionalInterface
public interface PlaceLocator {

    /** @throws WeatherUnavailableException when the service cannot answer */
    ZoneId zoneAt(double latitude, double longitude);
}
