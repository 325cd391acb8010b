package ai.pace42.server.weather;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;

/** Open-Meteo: on by default (it needs no key); the base URLs point at a paid plan, a self-hosted server or WireMock. */
public class WeatherConfig {

    @JsonProperty
    private boolean enabled = true;

    @JsonProperty
    private String forecastUrl = "https://api.open-meteo.com";

    @JsonProperty
    private String geocodingUrl = "https://geocoding-api.open-meteo.com";

    @JsonProperty
    private String archiveUrl = "https://archive-api.open-meteo.com";

    @JsonProperty
    private String airQualityUrl = "https://air-quality-api.open-meteo.com";

    @JsonProperty
    private io.dropwizard.util.Duration timeout = io.dropwizard.util.Duration.seconds(5);

    public boolean enabled() {
        return enabled;
    }

    public URI forecastUrl() {
        return URI.create(forecastUrl);
    }

    public URI geocodingUrl() {
        return URI.create(geocodingUrl);
    }

    public URI archiveUrl() {
        return URI.create(archiveUrl);
    }

    public URI airQualityUrl() {
        return URI.create(airQualityUrl);
    }

    public java.time.Duration timeout() {
        return java.time.Duration.ofMillis(timeout.toMilliseconds());
    }
}
