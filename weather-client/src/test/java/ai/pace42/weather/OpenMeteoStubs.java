package ai.pace42.weather;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Forecast bodies in Open-Meteo's shape (local ISO times without offset, one array per variable, units, zone and
 * {@code utc_offset_seconds}) for tests whose "now" moves: every day dry except rain (80%, 1.5 mm) from 07:00 to
 * 09:00, 16 °C with a 9 °C dew point, daylight 07:00–19:00. Shared with the server's end-to-end tests.
 */
public final class OpenMeteoStubs {

    private OpenMeteoStubs() {
    }

    public static String forecast(ZoneId zone, LocalDate firstDay, int days) {
        List<LocalDateTime> times = new ArrayList<>();
        for (LocalDateTime t = firstDay.atStartOfDay(); t.isBefore(firstDay.plusDays(days).atStartOfDay()); t = t.plusHours(1)) {
            times.add(t);
        }
        StringJoiner time = new StringJoiner(",");
        StringJoiner temp = new StringJoiner(",");
        StringJoiner dew = new StringJoiner(",");
        StringJoiner prob = new StringJoiner(",");
        StringJoiner mm = new StringJoiner(",");
        StringJoiner code = new StringJoiner(",");
        StringJoiner wind = new StringJoiner(",");
        StringJoiner gust = new StringJoiner(",");
        StringJoiner uv = new StringJoiner(",");
        StringJoiner day = new StringJoiner(",");
        for (LocalDateTime t : times) {
            boolean wet = t.getHour() >= 7 && t.getHour() < 9;
            time.add("\"" + t + "\"");
            temp.add("16.0");
            dew.add("9.0");
            prob.add(wet ? "80" : "5");
            mm.add(wet ? "1.5" : "0.0");
            code.add(wet ? "63" : "1");
            wind.add("10.0");
            gust.add("18.0");
            uv.add(t.getHour() >= 10 && t.getHour() < 16 ? "4.0" : "0.0");
            day.add(t.getHour() >= 7 && t.getHour() < 19 ? "1" : "0");
        }
        int offset = zone.getRules().getOffset(firstDay.atStartOfDay()).getTotalSeconds();
        return String.format(Locale.ROOT, """
                {"latitude":52.52,"longitude":13.419998,"generationtime_ms":0.05,"utc_offset_seconds":%d,"timezone":"%s",\
                "timezone_abbreviation":"GMT","elevation":38.0,"hourly_units":{"time":"iso8601","temperature_2m":"°C",\
                "dew_point_2m":"°C","apparent_temperature":"°C","precipitation_probability":"%%","precipitation":"mm",\
                "weather_code":"wmo code","wind_speed_10m":"km/h","wind_gusts_10m":"km/h","uv_index":"","is_day":""},\
                "hourly":{"time":[%s],"temperature_2m":[%s],"dew_point_2m":[%s],"apparent_temperature":[%s],\
                "precipitation_probability":[%s],"precipitation":[%s],"weather_code":[%s],"wind_speed_10m":[%s],\
                "wind_gusts_10m":[%s],"uv_index":[%s],"is_day":[%s]}}""", offset, zone.getId(), time, temp, dew, temp,
                prob, mm, code, wind, gust, uv, day);
    }

    /**
     * An air-quality body in Open-Meteo's shape for the same days: European AQI 30 / US AQI 42 / PM2.5 8 µg/m³,
     * very poor (European 85, US 160, PM2.5 55) from 17:00 to 19:00, and {@code null} from the sixth day on, where
     * the CAMS forecast ends.
     */
    public static String airQuality(ZoneId zone, LocalDate firstDay, int days) {
        StringJoiner time = new StringJoiner(",");
        StringJoiner pm = new StringJoiner(",");
        StringJoiner eu = new StringJoiner(",");
        StringJoiner us = new StringJoiner(",");
        for (LocalDateTime t = firstDay.atStartOfDay(); t.isBefore(firstDay.plusDays(days).atStartOfDay()); t = t.plusHours(1)) {
            boolean beyond = !t.toLocalDate().isBefore(firstDay.plusDays(5));
            boolean smog = t.getHour() >= 17 && t.getHour() < 19;
            time.add("\"" + t + "\"");
            pm.add(beyond ? "null" : smog ? "55.0" : "8.0");
            eu.add(beyond ? "null" : smog ? "85" : "30");
            us.add(beyond ? "null" : smog ? "160" : "42");
        }
        int offset = zone.getRules().getOffset(firstDay.atStartOfDay()).getTotalSeconds();
        return String.format(Locale.ROOT, """
                {"latitude":52.549995,"longitude":13.450001,"generationtime_ms":1.1,"utc_offset_seconds":%d,\
                "timezone":"%s","timezone_abbreviation":"GMT","elevation":38.0,"hourly_units":{"time":"iso8601",\
                "pm2_5":"μg/m³","european_aqi":"EAQI","us_aqi":"USAQI"},"hourly":{"time":[%s],"pm2_5":[%s],\
                "european_aqi":[%s],"us_aqi":[%s]}}""", offset, zone.getId(), time, pm, eu, us);
    }

    /** One Berlin geocoding result, as Open-Meteo sends it. */
    public static String berlin() {
        return """
                {"results":[{"id":2950159,"name":"Berlin","latitude":52.52437,"longitude":13.41053,"elevation":74.0,\
                "feature_code":"PPLC","country_code":"DE","admin1_id":2950157,"timezone":"Europe/Berlin",\
                "population":3426354,"postcodes":["10967","13347"],"country_id":2921044,"country":"Germany",\
                "admin1":"Land Berlin"}],"generationtime_ms":0.9}""";
    }
}
