package ai.pace42.weather;

import ai.pace42.coach.weather.AirQuality;
import ai.pace42.coach.weather.Forecast;
import ai.pace42.coach.weather.HourlyWeather;
import ai.pace42.coach.weather.Place;
import ai.pace42.coach.weather.WeatherProvider;
import ai.pace42.coach.weather.WeatherUnavailableException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Open-Meteo over HTTP: the forecast, the air quality, the geocoding search and the archive (historical weather).
 * Coordinates are rounded to 0.1° (about 11 km) before they leave, which is also the cache key: one forecast and
 * one air-quality forecast per grid square and hour, one archive day per square and date, one search per name. Failures become
 * {@link WeatherUnavailableException}s whose messages never carry coordinates.
 */
public final class OpenMeteoClient implements WeatherProvider {

    static final String FORECAST_HOURLY = "temperature_2m,dew_point_2m,apparent_temperature,precipitation_probability,"
            + "precipitation,weather_code,wind_speed_10m,wind_gusts_10m,uv_index,is_day";
    static final String ARCHIVE_HOURLY = "temperature_2m,dew_point_2m,apparent_temperature,precipitation,weather_code,"
            + "wind_speed_10m,wind_gusts_10m";
    static final String AIR_QUALITY_HOURLY = "pm2_5,european_aqi,us_aqi";
    /** The air-quality API's limit; its CAMS forecast itself reaches about five days. */
    static final int AIR_QUALITY_MAX_DAYS = 7;
    /** ERA5 reaches the archive about five days late; newer days come from the forecast API's past days. */
    static final int ARCHIVE_LAG_DAYS = 5;
    private static final String UNITS = "&temperature_unit=celsius&wind_speed_unit=kmh&precipitation_unit=mm";

    private final OpenMeteoSettings settings;
    private final HttpClient http;
    private final InstantSource clock;
    private final ObjectMapper json = new ObjectMapper();
    private final BoundedCache<String, Forecast> forecasts = new BoundedCache<>(2_000);
    private final BoundedCache<String, List<HourlyWeather>> days = new BoundedCache<>(5_000);
    private final BoundedCache<String, List<Place>> places = new BoundedCache<>(1_000);
    private final BoundedCache<String, List<AirQuality>> air = new BoundedCache<>(2_000);
    private final AtomicLong calls = new AtomicLong();

    /** @param clock what "this hour" and "today" are read from (a {@code Clock} in production) */
    public OpenMeteoClient(OpenMeteoSettings settings, InstantSource clock) {
        this(settings, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build(), clock);
    }

    OpenMeteoClient(OpenMeteoSettings settings, HttpClient http, InstantSource clock) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
    }

    /** Requests that reached the network, for cache measurements. */
    public long callCount() {
        return calls.get();
    }

    @Override
    public Forecast forecast(double latitude, double longitude, int forecastDays) {
        String lat = rounded(latitude);
        String lon = rounded(longitude);
        long hour = clock.instant().truncatedTo(ChronoUnit.HOURS).getEpochSecond();
        String key = lat + "," + lon + "," + forecastDays + "@" + hour;
        return forecasts.get(key, () -> {
            JsonNode body = get("forecast", settings.forecastUrl(), "/v1/forecast?latitude=" + lat + "&longitude=" + lon
                    + "&hourly=" + FORECAST_HOURLY + "&timezone=auto&forecast_days=" + Math.max(1, Math.min(16, forecastDays))
                    + UNITS);
            ZoneId zone = zone(body);
            return new Forecast(body.path("latitude").asDouble(Double.parseDouble(lat)),
                    body.path("longitude").asDouble(Double.parseDouble(lon)), zone, hours(body, zone, "forecast"));
        });
    }

    @Override
    public List<AirQuality> airQuality(double latitude, double longitude, int forecastDays) {
        String lat = rounded(latitude);
        String lon = rounded(longitude);
        int days = Math.max(1, Math.min(AIR_QUALITY_MAX_DAYS, forecastDays));
        long hour = clock.instant().truncatedTo(ChronoUnit.HOURS).getEpochSecond();
        return air.get(lat + "," + lon + "," + days + "@" + hour, () -> {
            JsonNode body = get("air quality", settings.airQualityUrl(), "/v1/air-quality?latitude=" + lat
                    + "&longitude=" + lon + "&hourly=" + AIR_QUALITY_HOURLY + "&timezone=auto&forecast_days=" + days);
            ZoneId zone = zone(body);
            JsonNode h = body.path("hourly");
            List<Instant> instants = hourlyInstants(h, zone, "air quality");
            List<AirQuality> out = new ArrayList<>(instants.size());
            for (int i = 0; i < instants.size(); i++) {
                out.add(new AirQuality(instants.get(i), number(h, "european_aqi", i), number(h, "us_aqi", i),
                        number(h, "pm2_5", i)));
            }
            return List.copyOf(out);
        });
    }

    @Override
    public Optional<HourlyWeather> historical(double latitude, double longitude, Instant at) {
        String lat = rounded(latitude);
        String lon = rounded(longitude);
        LocalDate date = at.atZone(ZoneOffset.UTC).toLocalDate();
        boolean archived = date.isBefore(clock.instant().atZone(ZoneOffset.UTC).toLocalDate().minusDays(ARCHIVE_LAG_DAYS));
        String key = lat + "," + lon + "," + date;
        List<HourlyWeather> day = days.get(key, () -> {
            String query = "?latitude=" + lat + "&longitude=" + lon + "&hourly=" + ARCHIVE_HOURLY
                    + "&timezone=GMT&start_date=" + date + "&end_date=" + date + UNITS;
            JsonNode body = archived
                    ? get("archive", settings.archiveUrl(), "/v1/archive" + query)
                    : get("forecast", settings.forecastUrl(), "/v1/forecast" + query);
            return hours(body, zone(body), archived ? "archive" : "forecast");
        });
        Instant hour = at.truncatedTo(ChronoUnit.HOURS);
        return day.stream().filter(h -> h.time().equals(hour)).findFirst()
                .filter(h -> !Double.isNaN(h.temperatureC()));
    }

    @Override
    public List<Place> search(String name) {
        String n = name == null ? "" : name.strip();
        if (n.length() < 2) {
            return List.of(); // Open-Meteo matches nothing below two characters
        }
        return places.get(n.toLowerCase(Locale.ROOT), () -> {
            JsonNode body = get("geocoding", settings.geocodingUrl(), "/v1/search?name="
                    + URLEncoder.encode(n, StandardCharsets.UTF_8) + "&count=5&language=en&format=json");
            List<Place> out = new ArrayList<>();
            // No match is HTTP 200 without a "results" key.
            for (JsonNode r : body.path("results")) {
                if (!r.path("latitude").isNumber() || !r.path("longitude").isNumber()) {
                    continue;
                }
                out.add(new Place(r.path("name").asText(""), r.path("admin1").asText(""), r.path("country").asText(""),
                        r.path("latitude").asDouble(), r.path("longitude").asDouble(), zoneId(r.path("timezone").asText(""))
                        .orElse(ZoneOffset.UTC)));
            }
            return List.copyOf(out);
        });
    }

    private JsonNode get(String service, URI base, String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(strip(base) + pathAndQuery)).timeout(settings.timeout())
                .header("Accept", "application/json").header("User-Agent", "pace42").GET().build();
        HttpResponse<String> response;
        try {
            calls.incrementAndGet();
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new WeatherUnavailableException(service + ": no answer within " + settings.timeout().toMillis() + " ms");
        } catch (IOException e) {
            throw new WeatherUnavailableException(service + ": connection failed (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WeatherUnavailableException(service + ": interrupted");
        }
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (IOException e) {
            body = null;
        }
        if (response.statusCode() != 200 || body == null || body.path("error").asBoolean(false)) {
            String reason = body == null ? "" : body.path("reason").asText("");
            throw new WeatherUnavailableException(service + ": HTTP " + response.statusCode()
                    + (reason.isEmpty() ? "" : ": " + redacted(reason)));
        }
        return body;
    }

    /** Open-Meteo echoes parameters in some reasons ("Given: 95.0"): numbers with decimals are removed. */
    static String redacted(String reason) {
        String r = reason.replaceAll("-?\\d+\\.\\d+", "…");
        return r.length() > 200 ? r.substring(0, 200) + "…" : r;
    }

    private static ZoneId zone(JsonNode body) {
        return zoneId(body.path("timezone").asText(""))
                .orElseGet(() -> ZoneOffset.ofTotalSeconds(body.path("utc_offset_seconds").asInt(0)));
    }

    private static Optional<ZoneId> zoneId(String id) {
        if (id.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Open-Meteo's {@code hourly.time}: local wall-clock hours of {@code zone} (DST-safe) as instants. */
    private static List<Instant> hourlyInstants(JsonNode hourly, ZoneId zone, String service) {
        List<String> times = new ArrayList<>();
        hourly.path("time").forEach(t -> times.add(t.asText()));
        try {
            return LocalHours.resolve(times, zone);
        } catch (DateTimeException e) {
            throw new WeatherUnavailableException(service + ": unreadable hourly times");
        }
    }

    private static List<HourlyWeather> hours(JsonNode body, ZoneId zone, String service) {
        JsonNode h = body.path("hourly");
        List<Instant> instants = hourlyInstants(h, zone, service);
        List<HourlyWeather> out = new ArrayList<>(instants.size());
        for (int i = 0; i < instants.size(); i++) {
            double code = number(h, "weather_code", i);
            double day = number(h, "is_day", i);
            out.add(new HourlyWeather(instants.get(i), number(h, "temperature_2m", i), number(h, "dew_point_2m", i),
                    number(h, "apparent_temperature", i), number(h, "precipitation_probability", i),
                    number(h, "precipitation", i), Double.isNaN(code) ? -1 : (int) code, number(h, "wind_speed_10m", i),
                    number(h, "wind_gusts_10m", i), number(h, "uv_index", i), Double.isNaN(day) ? -1 : (int) day));
        }
        return out;
    }

    /** The i-th value of an hourly array; NaN for null, a missing variable or a short array. */
    private static double number(JsonNode hourly, String name, int i) {
        JsonNode v = hourly.path(name).path(i);
        return v.isNumber() ? v.asDouble() : Double.NaN;
    }

    static String rounded(double degrees) {
        return String.format(Locale.ROOT, "%.1f", Math.round(degrees * 10) / 10.0);
    }

    private static String strip(URI base) {
        String s = base.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
