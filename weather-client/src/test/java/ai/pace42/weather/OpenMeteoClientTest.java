package ai.pace42.weather;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.pace42.coach.weather.Forecast;
import ai.pace42.coach.weather.HourlyWeather;
import ai.pace42.coach.weather.Place;
import ai.pace42.coach.weather.WeatherUnavailableException;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against WireMock stubs that follow Open-Meteo's forecast, geocoding and archive responses. */
class OpenMeteoClientTest {

    private WireMockServer wm;
    /** The instant the client reads as now; tests move it by hand. */
    private final Instant[] now = {Instant.parse("2026-10-23T10:15:00Z")};
    private final java.time.InstantSource clock = () -> now[0];
    private OpenMeteoClient client;

    @BeforeEach
    void start() {
        wm = new WireMockServer(options().dynamicPort());
        wm.start();
        client = new OpenMeteoClient(OpenMeteoSettings.allAt(URI.create(wm.baseUrl()), Duration.ofSeconds(20)), clock);
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    private static String fixture(String name) {
        try (var in = OpenMeteoClientTest.class.getResourceAsStream("/open-meteo/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theRepeatedAutumnHourComesTwiceAndEachGetsItsOwnInstant() {
        wm.stubFor(get(urlPathEqualTo("/v1/forecast")).willReturn(okJson(fixture("forecast-berlin-autumn-dst.json"))));

        Forecast f = client.forecast(52.5163, 13.3777, 8);

        assertThat(f.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(f.hours()).extracting(HourlyWeather::time).containsExactly(
                Instant.parse("2026-10-24T22:00:00Z"), // 00:00 CEST
                Instant.parse("2026-10-24T23:00:00Z"),
                Instant.parse("2026-10-25T00:00:00Z"), // the first 02:00, still CEST
                Instant.parse("2026-10-25T01:00:00Z"), // the second 02:00, now CET
                Instant.parse("2026-10-25T02:00:00Z"), // 03:00 CET: the single utc_offset_seconds would say 01:00Z
                Instant.parse("2026-10-25T03:00:00Z"),
                Instant.parse("2026-10-25T04:00:00Z"));
        HourlyWeather fifth = f.hours().get(4);
        assertThat(fifth.temperatureC()).isEqualTo(8.1);
        assertThat(fifth.precipitationProbPct()).isEqualTo(80);
        assertThat(fifth.precipitationMm()).isEqualTo(1.2);
        assertThat(fifth.weatherCode()).isEqualTo(63);
        assertThat(fifth.gustKmh()).isEqualTo(44.6);
        assertThat(fifth.day()).isZero();
        // the end of the horizon is null in every array
        HourlyWeather last = f.hours().get(6);
        assertThat(last.temperatureC()).isNaN();
        assertThat(last.precipitationProbPct()).isNaN();
        assertThat(last.weatherCode()).isEqualTo(-1);
        assertThat(last.day()).isEqualTo(-1);
    }

    @Test
    void theMissingSpringHourLeavesNoGap() {
        wm.stubFor(get(urlPathEqualTo("/v1/forecast")).willReturn(okJson(fixture("forecast-berlin-spring-dst.json"))));

        Forecast f = client.forecast(52.52, 13.41, 8);

        // 00:00, 01:00 CET, then 03:00, 04:00 CEST: four consecutive UTC hours
        assertThat(f.hours()).extracting(HourlyWeather::time).containsExactly(
                Instant.parse("2026-03-28T23:00:00Z"), Instant.parse("2026-03-29T00:00:00Z"),
                Instant.parse("2026-03-29T01:00:00Z"), Instant.parse("2026-03-29T02:00:00Z"));
    }

    @Test
    void asksForRoundedCoordinatesTheVariablesAndMetricUnits() {
        wm.stubFor(get(urlPathEqualTo("/v1/forecast")).willReturn(okJson(fixture("forecast-berlin-spring-dst.json"))));

        client.forecast(52.5163, 13.3777, 8);

        wm.verify(getRequestedFor(urlPathEqualTo("/v1/forecast"))
                .withQueryParam("latitude", equalTo("52.5")).withQueryParam("longitude", equalTo("13.4"))
                .withQueryParam("hourly", equalTo(OpenMeteoClient.FORECAST_HOURLY))
                .withQueryParam("timezone", equalTo("auto")).withQueryParam("forecast_days", equalTo("8"))
                .withQueryParam("temperature_unit", equalTo("celsius")).withQueryParam("wind_speed_unit", equalTo("kmh")));
    }

    @Test
    void oneCallPerRoundedPlaceAndHour() {
        wm.stubFor(get(urlPathEqualTo("/v1/forecast")).willReturn(okJson(fixture("forecast-berlin-spring-dst.json"))));

        client.forecast(52.5163, 13.3777, 8);
        client.forecast(52.5249, 13.4012, 8); // same 0.1° square
        now[0] = Instant.parse("2026-10-23T10:59:59Z");
        client.forecast(52.52, 13.40, 8);
        assertThat(client.callCount()).isEqualTo(1);

        now[0] = Instant.parse("2026-10-23T11:00:00Z");
        client.forecast(52.52, 13.40, 8);
        client.forecast(48.14, 11.58, 8); // Munich
        assertThat(client.callCount()).isEqualTo(3);
        wm.verify(3, getRequestedFor(urlPathEqualTo("/v1/forecast")));
    }

    @Test
    void theErrorBodysReasonIsKeptWithoutEchoedCoordinates() {
        wm.stubFor(get(urlPathEqualTo("/v1/forecast")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":true,\"reason\":\"Latitude must be in range of -90 to 90°. Given: 95.3.\"}")));

        assertThatThrownBy(() -> client.forecast(95.3, 13.4, 8)).isInstanceOf(WeatherUnavailableException.class)
                .hasMessageContaining("HTTP 400").hasMessageContaining("Latitude must be in range")
                .hasMessageNotContaining("95.3");
    }

    @Test
    void theDailyLimitIsUnavailableAndNotCached() {
        wm.stubFor(get(urlPathEqualTo("/v1/forecast")).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":true,\"reason\":\"Daily API request limit exceeded. Please try again tomorrow.\"}")));

        assertThatThrownBy(() -> client.forecast(52.52, 13.41, 8)).isInstanceOf(WeatherUnavailableException.class)
                .hasMessageContaining("HTTP 429: Daily API request limit exceeded");
        assertThatThrownBy(() -> client.forecast(52.52, 13.41, 8)).isInstanceOf(WeatherUnavailableException.class);
        wm.verify(2, getRequestedFor(urlPathEqualTo("/v1/forecast")));
    }

    @Test
    void aBadGatewayPageIsUnavailable() {
        wm.stubFor(get(urlPathEqualTo("/v1/forecast")).willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "text/html").withBody("<html><body>502 Bad Gateway</body></html>")));

        assertThatThrownBy(() -> client.forecast(52.52, 13.41, 8)).isInstanceOf(WeatherUnavailableException.class)
                .hasMessage("forecast: HTTP 502");
    }

    @Test
    void aSlowServiceTimesOut() {
        wm.stubFor(get(urlPathEqualTo("/v1/forecast")).willReturn(okJson(fixture("forecast-berlin-spring-dst.json"))
                .withFixedDelay(5_000)));
        OpenMeteoClient impatient = new OpenMeteoClient(
                OpenMeteoSettings.allAt(URI.create(wm.baseUrl()), Duration.ofMillis(300)), clock);

        assertThatThrownBy(() -> impatient.forecast(52.52, 13.41, 8)).isInstanceOf(WeatherUnavailableException.class)
                .hasMessage("forecast: no answer within 300 ms");
    }

    @Test
    void anAmbiguousNameGivesEveryCandidateWithItsZone() {
        wm.stubFor(get(urlPathEqualTo("/v1/search")).withQueryParam("name", equalTo("Springfield"))
                .willReturn(okJson(fixture("geocoding-springfield.json"))));

        List<Place> found = client.search("Springfield");

        assertThat(found).extracting(Place::label).containsExactly("Springfield, Illinois, United States",
                "Springfield, Missouri, United States", "Springfield, Massachusetts, United States");
        assertThat(found.get(2).zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(found.get(0).latitude()).isEqualTo(39.80172);
        wm.verify(getRequestedFor(urlPathEqualTo("/v1/search")).withQueryParam("count", equalTo("5")));
    }

    @Test
    void noMatchIsAnEmptyListAndOneLetterIsNotAsked() {
        wm.stubFor(get(urlPathEqualTo("/v1/search")).willReturn(okJson(fixture("geocoding-no-match.json"))));

        assertThat(client.search("Xqzzyville")).isEmpty();
        assertThat(client.search("B")).isEmpty();
        wm.verify(1, getRequestedFor(urlPathEqualTo("/v1/search")));
    }

    @Test
    void anOldRunsWeatherComesFromTheArchiveAtItsHour() {
        wm.stubFor(get(urlPathEqualTo("/v1/archive")).willReturn(okJson(fixture("archive-berlin-day.json"))));
        now[0] = Instant.parse("2026-08-01T12:00:00Z");

        Optional<HourlyWeather> h = client.historical(52.5163, 13.3777, Instant.parse("2026-07-10T07:42:00Z"));

        assertThat(h).hasValueSatisfying(w -> {
            assertThat(w.time()).isEqualTo(Instant.parse("2026-07-10T07:00:00Z"));
            assertThat(w.temperatureC()).isEqualTo(24.1);
            assertThat(w.dewPointC()).isEqualTo(17.8);
        });
        wm.verify(getRequestedFor(urlPathEqualTo("/v1/archive")).withQueryParam("start_date", equalTo("2026-07-10"))
                .withQueryParam("end_date", equalTo("2026-07-10")).withQueryParam("timezone", equalTo("GMT")));
    }

    @Test
    void aRecentRunsWeatherComesFromTheForecastApiBecauseTheArchiveLags() {
        wm.stubFor(get(urlPathEqualTo("/v1/forecast")).willReturn(okJson(fixture("archive-berlin-day.json"))));
        now[0] = Instant.parse("2026-07-12T12:00:00Z");

        Optional<HourlyWeather> h = client.historical(52.52, 13.41, Instant.parse("2026-07-10T08:05:00Z"));

        assertThat(h).hasValueSatisfying(w -> assertThat(w.temperatureC()).isEqualTo(26.0));
        wm.verify(0, getRequestedFor(urlPathEqualTo("/v1/archive")));
        wm.verify(getRequestedFor(urlPathEqualTo("/v1/forecast")).withQueryParam("start_date", equalTo("2026-07-10")));
    }

    @Test
    void airQualityIsReadHourByHourInThePlacesZoneWithNullsAsMissing() {
        wm.stubFor(get(urlPathEqualTo("/v1/air-quality")).willReturn(okJson(fixture("air-quality-berlin.json"))));

        List<ai.pace42.coach.weather.AirQuality> air = client.airQuality(52.5163, 13.3777, 8);

        assertThat(air).extracting(ai.pace42.coach.weather.AirQuality::time).containsExactly(
                Instant.parse("2026-10-22T22:00:00Z"), Instant.parse("2026-10-22T23:00:00Z"),
                Instant.parse("2026-10-23T00:00:00Z"), Instant.parse("2026-10-23T01:00:00Z"));
        assertThat(air.get(2).europeanAqi()).isEqualTo(86);
        assertThat(air.get(2).usAqi()).isEqualTo(116);
        assertThat(air.get(2).pm25()).isEqualTo(41.7);
        assertThat(air.get(3).hasIndex()).isFalse();
        // rounded like the forecast, the three variables, the place's zone, at most the API's 7 days
        wm.verify(getRequestedFor(urlPathEqualTo("/v1/air-quality")).withQueryParam("latitude", equalTo("52.5"))
                .withQueryParam("longitude", equalTo("13.4"))
                .withQueryParam("hourly", equalTo("pm2_5,european_aqi,us_aqi"))
                .withQueryParam("timezone", equalTo("auto")).withQueryParam("forecast_days", equalTo("7")));
    }

    @Test
    void airQualityIsCachedPerRoundedPlaceAndHourAndItsErrorsAreUnavailable() {
        wm.stubFor(get(urlPathEqualTo("/v1/air-quality")).withQueryParam("latitude", equalTo("52.5"))
                .willReturn(okJson(fixture("air-quality-berlin.json"))));
        wm.stubFor(get(urlPathEqualTo("/v1/air-quality")).withQueryParam("latitude", equalTo("48.1"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":true,\"reason\":\"Latitude must be in range of -90 to 90°. Given: 148.1.\"}")));

        client.airQuality(52.51, 13.38, 8);
        client.airQuality(52.54, 13.41, 8);

        wm.verify(1, getRequestedFor(urlPathEqualTo("/v1/air-quality")));
        assertThatThrownBy(() -> client.airQuality(48.1, 11.6, 8)).isInstanceOf(WeatherUnavailableException.class)
                .hasMessageStartingWith("air quality: HTTP 400").hasMessageNotContaining("148.1");
    }
}
