package ai.pace42.bot.location;

import ai.pace42.coach.weather.Place;
import ai.pace42.coach.weather.WeatherUnavailableException;
import java.util.List;

/** Looks a town up by name (Open-Meteo's geocoding in production); empty when nothing matches. */
@FunctionalInterface
public interface PlaceSearch {

    /** @throws WeatherUnavailableException when the service cannot answer */
    List<Place> search(String name);
}
