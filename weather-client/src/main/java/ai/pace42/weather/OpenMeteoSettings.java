package ai.pace42.weather;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where Open-Meteo lives (configurable for a paid plan, a self-hosted server or WireMock) and how long to wait.
 *
 * @param timeout connect and response time-out of one call
 */
public record OpenMeteoSettings(URI forecastUrl, URI geocodingUrl, URI archiveUrl, URI airQualityUrl,
                                Duration timeout) {

    public static final URI FORECAST = URI.create("https://api.open-meteo.com");
    public static final URI GEOCODING = URI.create("https://geocoding-api.open-meteo.com");
    public static final URI ARCHIVE = URI.create("https://archive-api.open-meteo.com");
    public static final URI AIR_QUALITY = URI.create("https://air-quality-api.open-meteo.com");

    public OpenMeteoSettings {
        Objects.requireNonNull(forecastUrl, "forecastUrl");
        Objects.requireNonNull(geocodingUrl, "geocodingUrl");
        Objects.requireNonNull(archiveUrl, "archiveUrl");
        Objects.requireNonNull(airQualityUrl, "airQualityUrl");
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
    }

    public static OpenMeteoSettings defaults() {
        return new OpenMeteoSettings(FORECAST, GEOCODING, ARCHIVE, AIR_QUALITY, Duration.ofSeconds(5));
    }

    /** All four services on one base URL (tests: one WireMock). */
    public static OpenMeteoSettings allAt(URI base, Duration timeout) {
        return new OpenMeteoSettings(base, base, base, base, timeout);
    }
}
