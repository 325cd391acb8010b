package ai.pace42.server.weather;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.server.ChatClient;
import ai.pace42.server.Pace42Configuration;
import ai.pace42.server.TestServers;
import ai.pace42.weather.OpenMeteoStubs;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test matrix row "weather query without Garmin", end to end through the browser chat API: a new account with
 * no Garmin and no runs sets /location, asks about rain and gets the forecast with a chart; Open-Meteo is WireMock.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class WeatherChatTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final WireMockServer OPEN_METEO = startOpenMeteo();

    static final DropwizardAppExtension<Pace42Configuration> APP = TestServers.sqlite(
            ConfigOverride.config("weather.forecastUrl", OPEN_METEO.baseUrl()),
            ConfigOverride.config("weather.geocodingUrl", OPEN_METEO.baseUrl()),
            ConfigOverride.config("weather.archiveUrl", OPEN_METEO.baseUrl()),
            ConfigOverride.config("weather.airQualityUrl", OPEN_METEO.baseUrl()));

    private static WireMockServer startOpenMeteo() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().http2PlainDisabled(true));
        server.start();
        server.stubFor(get(urlPathEqualTo("/v1/search")).withQueryParam("name", equalTo("Berlin"))
                .willReturn(okJson(OpenMeteoStubs.berlin())));
        server.stubFor(get(urlPathEqualTo("/v1/search")).withQueryParam("name", equalTo("Munich"))
                .willReturn(okJson("{\"results\":[{\"id\":2867714,\"name\":\"Munich\",\"latitude\":48.13743,"
                        + "\"longitude\":11.57549,\"country_code\":\"DE\",\"timezone\":\"Europe/Berlin\","
                        + "\"country\":\"Germany\",\"admin1\":\"Bavaria\"}],\"generationtime_ms\":0.5}")));
        // The days around today, so "tomorrow" is in it whenever the test runs.
        server.stubFor(get(urlPathEqualTo("/v1/forecast")).withQueryParam("latitude", equalTo("52.5"))
                .willReturn(okJson(OpenMeteoStubs.forecast(BERLIN, LocalDate.now(BERLIN).minusDays(1), 10))));
        server.stubFor(get(urlPathEqualTo("/v1/air-quality")).withQueryParam("latitude", equalTo("52.5"))
                .willReturn(okJson(OpenMeteoStubs.airQuality(BERLIN, LocalDate.now(BERLIN).minusDays(1), 7))));
        server.stubFor(get(urlPathEqualTo("/v1/forecast")).withQueryParam("latitude", equalTo("48.1"))
                .willReturn(aResponse().withStatus(502).withHeader("Content-Type", "text/html")
                        .withBody("<html>502 Bad Gateway</html>")));
        return server;
    }

    @AfterAll
    static void stop() {
        OPEN_METEO.stop();
    }

    private static List<JsonNode> images(ChatClient.Result r) {
        List<JsonNode> out = new ArrayList<>();
        r.json().path("reply").path("parts").forEach(p -> {
            if ("image".equals(p.path("type").asText())) {
                out.add(p);
            }
        });
        return out;
    }

    @Test
    void aNewBrowserAccountWithoutGarminAsksAboutRainAndGetsTheForecastWithAChart() {
        ChatClient chat = new ChatClient(APP.getLocalPort());

        ChatClient.Result before = chat.say("Will it rain tomorrow morning?");
        ChatClient.Result located = chat.say("/location Berlin");
        ChatClient.Result rain = chat.say("Will it rain tomorrow morning?");
        ChatClient.Result again = chat.say("When is the best time to run tomorrow?");

        assertThat(before.text()).contains("I don't know where you run yet", "/location Berlin");
        assertThat(located.text()).contains("Berlin, Land Berlin, Germany", "time zone to Europe/Berlin");
        // the stub rains 80% / 1.5 mm from 07:00 to 09:00 every day; the runner's zone is now Europe/Berlin
        assertThat(rain.status()).isEqualTo(200);
        assertThat(rain.text()).contains("Tomorrow morning in Berlin, Land Berlin, Germany: rain likely** from 07:00 to 09:00")
                .contains("3.0 mm in total").contains("Open-Meteo.com");
        assertThat(images(rain)).singleElement().satisfies(img -> {
            assertThat(img.path("mimeType").asText()).isEqualTo("image/png");
            assertThat(img.path("alt").asText()).contains("best window");
            assertThat(img.path("data").asText()).startsWith("iVBORw0KGgo"); // PNG signature in base64
        });
        // fair air all morning (European AQI 30, PM2.5 8 µg/m³ in the stub)
        assertThat(rain.text()).contains("Air quality at worst").contains("European AQI 30 (fair), PM2.5 8 µg/m³");
        // 16 °C, dew point 9 °C all day, dry from 09:00 in daylight: the first dry daylight pair
        assertThat(again.text()).contains("Best time to run tomorrow in Berlin, Land Berlin, Germany: 09:00–11:00");
        // the stub's evening smog (European AQI 85) sets the day's worst hour
        assertThat(again.text()).contains("Conditions score 30/100 at worst (poor air: indoors or easy, 17:00)")
                .contains("European AQI 85 (very poor), PM2.5 55 µg/m³");
        // one call per rounded place and hour (an hour boundary between the questions may make it two)
        OPEN_METEO.verify(moreThanOrExactly(1), getRequestedFor(urlPathEqualTo("/v1/forecast")).withQueryParam("latitude", equalTo("52.5"))
                .withQueryParam("longitude", equalTo("13.4")));
    }

    @Test
    void anUpstreamFailureIsAnsweredWithTheCodeAndTheRequestIdAndLogsNoCoordinates() throws Exception {
        ChatClient chat = new ChatClient(APP.getLocalPort());
        chat.say("/location Munich");

        ChatClient.Result r = chat.say("Is it too hot to run now?");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).contains("WEATHER_UNAVAILABLE").contains(r.json().path("requestId").asText())
                .doesNotContain("502").doesNotContain("Exception");
        // The failure is logged, with its request id, but no coordinate (geocoded or rounded) goes into the log.
        String log = awaitLogContaining("forecast unavailable: forecast: HTTP 502");
        assertThat(log).doesNotContain("48.13743").doesNotContain("11.57549").doesNotContain("52.52437")
                .doesNotContain("13.41053").doesNotContain("latitude=").doesNotContain("longitude=");
    }

    @Test
    void theBrowsersLocationButtonSetsTheHomeRoundedAndWeatherAnswersUseIt() throws Exception {
        ChatClient chat = new ChatClient(APP.getLocalPort());

        ChatClient.Result help = chat.say("/location");
        ChatClient.Result shared = chat.post("/api/v1/chat", "application/json",
                "{\"location\":{\"latitude\":52.517037,\"longitude\":13.38886}}", java.util.Map.of());
        ChatClient.Result rain = chat.say("Will it rain tomorrow morning?");

        assertThat(help.json().path("reply").path("parts").findValuesAsText("type")).contains("location");
        assertThat(help.json().path("reply").path("parts").findValuesAsText("label")).contains("Use my location");
        assertThat(shared.status()).isEqualTo(200);
        assertThat(shared.text()).contains("Home set to **52.5° N, 13.4° E**; weather answers now use it.")
                .contains("time zone to Europe/Berlin");
        assertThat(rain.text()).contains("Tomorrow morning in 52.5° N, 13.4° E: rain likely** from 07:00 to 09:00");
        Path file = Path.of(System.getProperty("PACE42_LOG_DIR"), "pace42.log");
        String log = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        assertThat(log).doesNotContain("52.517").doesNotContain("13.388");
    }

    @Test
    void aLocationOutOfRangeIsRefusedWithTheCodeAndStoresNothing() {
        ChatClient chat = new ChatClient(APP.getLocalPort());

        ChatClient.Result r = chat.post("/api/v1/chat", "application/json",
                "{\"location\":{\"latitude\":95.0,\"longitude\":13.4}}", java.util.Map.of());
        ChatClient.Result after = chat.say("/location");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("error").path("code").asText()).isEqualTo("VALIDATION_ERROR");
        assertThat(r.json().path("error").path("requestId").asText()).isNotBlank();
        assertThat(after.text()).contains("No location yet");
    }

    private static String awaitLogContaining(String text) throws IOException, InterruptedException {
        Path file = Path.of(System.getProperty("PACE42_LOG_DIR"), "pace42.log");
        String log = "";
        for (int i = 0; i < 200 && !log.contains(text); i++) {
            Thread.sleep(50);
            log = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        }
        assertThat(log).contains(text);
        return log;
    }
}
