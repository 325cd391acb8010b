package ai.pace42.coach.analysis;

import ai.pace42.coach.UnitSystem;
import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.ActivitySummary;
import ai.pace42.coach.model.Samples;
import ai.pace42.coach.model.SessionTags;
import ai.pace42.coach.model.SportType;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The run's headline numbers are the device's, whatever the samples say. */
class HeadlineNumbersTest {

    /**
     * 1 Hz samples over a flat course whose altitude wanders ±1.5 m (GPS/barometer noise) and whose speed
     * alternates 3.0/3.9 m/s, so neither the sample mean nor the summed noise is the truth.
     */
    private static Activity run(ActivitySummary summary, OptionalDouble moving, OptionalDouble distance) {
        int n = 2000;
        double[] t = new double[n], v = new double[n], d = new double[n], alt = new double[n], hr = new double[n];
        Random noise = new Random(7);
        for (int i = 0; i < n; i++) {
            t[i] = i;
            v[i] = i % 2 == 0 ? 3.0 : 3.9;
            d[i] = i == 0 ? 0 : d[i - 1] + v[i];
            alt[i] = 50 + (noise.nextDouble() * 3 - 1.5);
            hr[i] = 145 + 10 * Math.sin(i / 200.0) + noise.nextDouble() * 2;
        }
        Samples s = Samples.builder(t).speed(v).distance(d).altitude(alt).heartRate(hr).build();
        return new Activity("r", "file", "", SportType.ROAD, Optional.of(ZonedDateTime.of(2026, 11, 19, 7, 0, 0, 0,
                ZoneOffset.UTC)), moving, moving, distance, summary, s, List.of(), SessionTags.none());
    }

    private static RunAnalysis analyse(Activity a) {
        return RunAnalyzer.analyze(a, Thresholds.none(), RunContext.none(), UnitSystem.METRIC);
    }

    @Test
    void paceIsTheDevicesMovingTimeOverItsDistance() {
        RunAnalysis r = analyse(run(ActivitySummary.none(), OptionalDouble.of(2074.0), OptionalDouble.of(7003.4)));

        assertThat(r.movingS()).isEqualTo(2074.0);
        assertThat(r.distanceM()).isEqualTo(7003.4);
        // 7003.4 m / 2074.0 s = 3.3768 m/s (4:56 /km), not the 3.45 m/s mean of the speed samples.
        assertThat(r.averageSpeed().get()).isCloseTo(3.3768, within(1e-4));
    }

    @Test
    void climbIsTheDevicesWhenItHasOneAndNoiseDoesNotAddUpOtherwise() {
        ActivitySummary withAscent = new ActivitySummary(OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.of(43), OptionalDouble.of(41), OptionalDouble.empty());
        assertThat(analyse(run(withAscent, OptionalDouble.empty(), OptionalDouble.empty())).elevation().get()
                .ascentM()).isEqualTo(43);

        // ±1.5 m of noise on a flat course is below the 4 m hysteresis: no climb is invented.
        assertThat(analyse(run(ActivitySummary.none(), OptionalDouble.empty(), OptionalDouble.empty())).elevation()
                .get().ascentM()).isLessThan(5);
    }

    @Test
    void theMaximumIsTheHigherOfTheDevicesAndTheSamples() {
        ActivitySummary max193 = new ActivitySummary(OptionalDouble.of(152), OptionalDouble.of(193),
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());

        RunAnalysis r = analyse(run(max193, OptionalDouble.empty(), OptionalDouble.empty()));

        assertThat(r.maxHr().get()).isEqualTo(193);
        assertThat(r.averageHr().get()).isEqualTo(152);
    }
}
