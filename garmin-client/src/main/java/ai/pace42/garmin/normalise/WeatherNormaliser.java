package ai.pace42.garmin.normalise;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.OptionalDouble;

/**
 * Weather → air temperature in °C. Garmin reports {@code temp} in °F whatever the account's units (N24); indoor
 * runs come back all-null with lat/long 0.0 and must not count as weather (N23); a list or text is ignored (N22).
 */
public final class WeatherNormaliser {

    private WeatherNormaliser() {
    }

    /** Garmin's description ("Mostly Cloudy") in running text ("mostly cloudy"); empty when there is none. */
    public static java.util.Optional<String> conditions(JsonNode weather) {
        return Json.text(weather, "weatherTypeDTO", "desc").map(String::strip).filter(d -> !d.isEmpty())
                .filter(d -> d.length() <= 60).map(d -> d.toLowerCase(java.util.Locale.ROOT));
    }

    public static OptionalDouble temperatureC(JsonNode weather) {
        if (weather == null || !weather.isObject()) {
            return OptionalDouble.empty();
        }
        OptionalDouble f = Json.number(weather, "temp");
        if (f.isEmpty()) {
            return OptionalDouble.empty();
        }
        double c = (f.getAsDouble() - 32.0) * 5.0 / 9.0;
        return c > -60 && c < 60 ? OptionalDouble.of(c) : OptionalDouble.empty();
    }
}
