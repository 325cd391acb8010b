package ai.pace42.coach.weather;

import ai.pace42.coach.UnitSystem;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Weather numbers and times in the runner's units and zone: °C and km/h, or °F and mph. */
public record WeatherFormat(UnitSystem units, ZoneId zone) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);

    public String temperature(double celsius) {
        if (Double.isNaN(celsius)) {
            return "unknown temperature";
        }
        return units == UnitSystem.IMPERIAL ? Math.round(HeatEffect.fahrenheit(celsius)) + " °F"
                : Math.round(celsius) + " °C";
    }

    public String speed(double kmh) {
        if (Double.isNaN(kmh)) {
            return "unknown wind";
        }
        return units == UnitSystem.IMPERIAL ? Math.round(kmh / 1.609344) + " mph" : Math.round(kmh) + " km/h";
    }

    public String rain(double mm) {
        return units == UnitSystem.IMPERIAL ? String.format(Locale.ROOT, "%.2f in", mm / 25.4)
                : String.format(Locale.ROOT, "%.1f mm", mm);
    }

    public String time(Instant t) {
        return t.atZone(zone).format(TIME);
    }

    public String dayTime(Instant t) {
        return t.atZone(zone).format(DAY_TIME);
    }

    /** Seconds per km as seconds per the runner's unit. */
    public double perUnit(double secondsPerKm) {
        return units == UnitSystem.IMPERIAL ? secondsPerKm * 1.609344 : secondsPerKm;
    }
}
