package ai.pace42.coach.weather;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.ActivitySource;
import ai.pace42.coach.model.ActivitySummary;
import ai.pace42.coach.model.Samples;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** A past run without its own weather gets the historical weather of its start place and hour. */
class RunWeatherSourcesTest {

    private static final ZonedDateTime START = ZonedDateTime.of(2026, 7, 10, 9, 42, 0, 0, ZoneId.of("Europe/Berlin"));

    /** Records what was asked; answers 26 °C with an 18 °C dew point, or fails. */
    private static final class Archive implements WeatherProvider {
        final List<double[]> asked = new ArrayList<>();
        final List<Instant> at = new ArrayList<>();
        boolean fail;

        @Override
        public Forecast forecast(double latitude, double longitude, int days) {
            throw new AssertionError("no forecast for a past run");
        }

        @Override
        public Optional<HourlyWeather> historical(double latitude, double longitude, Instant when) {
            if (fail) {
                throw new WeatherUnavailableException("archive: HTTP 502");
            }
            asked.add(new double[] {latitude, longitude});
            at.add(when);
            return Optional.of(HourlyWeather.ofHeat(when, 26, 18));
        }

        @Override
        public List<Place> search(String name) {
            return List.of();
        }
    }

    private static Activity run(OptionalDouble temperature) {
        OptionalDouble e = OptionalDouble.empty();
        return new Activity("r1", "file", "Long run", null, Optional.of(START), null, null, null,
                new ActivitySummary(e, e, e, e, e, temperature),
                Samples.builder(new double[] {0, 1}).position(new double[] {52.5163, 52.5164},
                        new double[] {13.3777, 13.3778}).build(), null, null);
    }

    private static Optional<Activity> load(Archive archive, Activity run) {
        ActivitySource src = new OneRunSource(run);
        return new RunWeatherSources(id -> Optional.of(src), archive).resolve("acc_1").orElseThrow().load("r1");
    }

    @Test
    void aRunWithoutWeatherGetsTheArchiveAtItsGpsStartAndStartTime() {
        Archive archive = new Archive();

        Activity loaded = load(archive, run(OptionalDouble.empty())).orElseThrow();

        assertThat(loaded.summary().temperatureC()).hasValue(26);
        assertThat(loaded.summary().conditions()).contains("dew point 18 °C (historical weather by Open-Meteo.com)");
        assertThat(archive.asked).singleElement().satisfies(c -> assertThat(c).containsExactly(52.5163, 13.3777));
        assertThat(archive.at).containsExactly(START.toInstant());
    }

    @Test
    void theRunsOwnWeatherWins() {
        Archive archive = new Archive();

        Activity loaded = load(archive, run(OptionalDouble.of(14))).orElseThrow();

        assertThat(loaded.summary().temperatureC()).hasValue(14);
        assertThat(archive.asked).isEmpty();
    }

    @Test
    void aFailingArchiveLeavesTheRunAsItWas() {
        Archive archive = new Archive();
        archive.fail = true;

        Activity loaded = load(archive, run(OptionalDouble.empty())).orElseThrow();

        assertThat(loaded.summary().temperatureC()).isEmpty();
    }

    @Test
    void theRunnersSourceStillSaysWhenItWasSyncedAndWhatWentWrong() {
        ActivitySource garmin = new ai.pace42.coach.model.SyncedSource(true);
        ActivitySource withWeather = new RunWeatherSources(id -> Optional.of(garmin), new Archive())
                .resolve("acc_1").orElseThrow();

        assertThat(withWeather.refreshedAt()).contains(ai.pace42.coach.model.SyncedSource.SYNCED);
        assertThat(withWeather.trouble()).contains(ai.pace42.coach.model.SyncedSource.TROUBLE);
        assertThat(withWeather.newest()).contains(ai.pace42.coach.model.SyncedSource.NEWEST);
    }
}
