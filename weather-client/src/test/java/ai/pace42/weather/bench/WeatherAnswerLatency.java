package ai.pace42.weather.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import ai.pace42.coach.CoachQuestion;
import ai.pace42.coach.DeterministicCoach;
import ai.pace42.coach.UnitSystem;
import ai.pace42.coach.weather.HomeLocations;
import ai.pace42.coach.weather.Place;
import ai.pace42.coach.weather.WeatherCoach;
import ai.pace42.weather.OpenMeteoClient;
import ai.pace42.weather.OpenMeteoSettings;
import ai.pace42.weather.OpenMeteoStubs;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;

/**
 * Latency of one weather answer ("Will it rain tomorrow morning?": forecast, scoring, text, chart PNG) with a cold
 * cache (a new client: one HTTP call to a local WireMock) and a warm one (the same client within the hour). A
 * scripted measurement, not a test: {@code java -cp … ai.pace42.weather.bench.WeatherAnswerLatency [runs]}.
 */
public final class WeatherAnswerLatency {

    private WeatherAnswerLatency() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        WireMockServer wm = new WireMockServer(options().dynamicPort());
        wm.start();
        wm.stubFor(get(urlPathEqualTo("/v1/forecast"))
                .willReturn(okJson(OpenMeteoStubs.forecast(berlin, LocalDate.now(berlin).minusDays(1), 10))));
        wm.stubFor(get(urlPathEqualTo("/v1/air-quality"))
                .willReturn(okJson(OpenMeteoStubs.airQuality(berlin, LocalDate.now(berlin).minusDays(1), 7))));
        Place home = new Place("Berlin", "Land Berlin", "Germany", 52.52, 13.41, berlin);
        HomeLocations homes = new HomeLocations() {
            @Override
            public Optional<Place> home(String accountId) {
                return Optional.of(home);
            }

            @Override
            public void propose(String accountId, Place place) {
            }
        };
        OpenMeteoSettings settings = OpenMeteoSettings.allAt(URI.create(wm.baseUrl()), Duration.ofSeconds(10));
        CoachQuestion q = new CoachQuestion("acc_bench", "Will it rain tomorrow morning?", UnitSystem.METRIC, berlin,
                Instant.now(), "bench");
        try {
            OpenMeteoClient warmClient = new OpenMeteoClient(settings, Clock.systemUTC());
            WeatherCoach warm = new WeatherCoach(new DeterministicCoach(id -> Optional.empty()), warmClient, homes,
                    id -> Optional.empty());
            for (int i = 0; i < 10; i++) { // JIT and connection warm-up
                warm.answer(q);
                new WeatherCoach(new DeterministicCoach(id -> Optional.empty()),
                        new OpenMeteoClient(settings, Clock.systemUTC()), homes, id -> Optional.empty()).answer(q);
            }
            double[] cold = new double[runs];
            double[] hot = new double[runs];
            for (int i = 0; i < runs; i++) {
                WeatherCoach fresh = new WeatherCoach(new DeterministicCoach(id -> Optional.empty()),
                        new OpenMeteoClient(settings, Clock.systemUTC()), homes, id -> Optional.empty());
                long t0 = System.nanoTime();
                fresh.answer(q);
                cold[i] = (System.nanoTime() - t0) / 1e6;
                long t1 = System.nanoTime();
                warm.answer(q);
                hot[i] = (System.nanoTime() - t1) / 1e6;
            }
            System.out.printf("runs=%d cold: %s%nwarm: %s%nwarm client network calls: %d%n", runs, stats(cold),
                    stats(hot), warmClient.callCount());
        } finally {
            wm.stop();
        }
    }

    private static String stats(double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        return String.format("median %.1f ms, p90 %.1f ms, min %.1f ms, max %.1f ms", s[s.length / 2],
                s[(int) Math.floor(s.length * 0.9)], s[0], s[s.length - 1]);
    }
}
