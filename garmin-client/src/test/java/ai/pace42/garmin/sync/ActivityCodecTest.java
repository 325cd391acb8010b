package ai.pace42.garmin.sync;

import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.ActivitySummary;
import ai.pace42.coach.model.Lap;
import ai.pace42.coach.model.LapIntensity;
import ai.pace42.coach.model.Samples;
import ai.pace42.coach.model.SessionTags;
import ai.pace42.coach.model.SportType;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

class ActivityCodecTest {

    /** A two-hour run at 1 Hz with every channel, a dropout (NaN) and a pause, like a real details payload. */
    static Activity twoHourRun() {
        int n = 7200;
        double[] t = new double[n], d = new double[n], v = new double[n], hr = new double[n], cad = new double[n],
                alt = new double[n], lat = new double[n], lon = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i < 3600 ? i : i + 90;
            v[i] = 3.1 + 0.4 * Math.sin(i / 60.0);
            d[i] = i == 0 ? 0 : d[i - 1] + v[i];
            hr[i] = i % 997 == 0 ? Double.NaN : 135 + 20 * Math.sin(i / 900.0);
            cad[i] = 168 + (i % 7) * 0.5;
            alt[i] = 40 + 12 * Math.sin(i / 400.0);
            lat[i] = 51.5 + i * 1.3e-5;
            lon[i] = -0.12 + i * 0.9e-5;
        }
        Samples samples = Samples.builder(t).distance(d).speed(v).heartRate(hr).cadence(cad).altitude(alt)
                .position(lat, lon).build();
        return new Activity("21002003004", "garmin", "Long run — Sunday", SportType.TRAIL,
                Optional.of(ZonedDateTime.of(2026, 11, 22, 7, 5, 3, 250_000_000, ZoneId.of("Europe/London"))),
                OptionalDouble.of(7290), OptionalDouble.of(7200), OptionalDouble.of(d[n - 1]),
                new ActivitySummary(OptionalDouble.of(141.2), OptionalDouble.of(171), OptionalDouble.empty(),
                        OptionalDouble.of(210), OptionalDouble.of(205.5), OptionalDouble.of(-2.5)),
                samples, List.of(new Lap(0, 3600, OptionalDouble.of(11_000), LapIntensity.ACTIVE),
                        new Lap(3690, 3600, OptionalDouble.empty(), LapIntensity.COOLDOWN)),
                new SessionTags(true, Optional.of("long")));
    }

    @Test
    void a_two_hour_run_comes_back_exactly_and_smaller() {
        Activity a = twoHourRun();
        byte[] bytes = ActivityCodec.encode(a);
        Activity back = ActivityCodec.decode(bytes).orElseThrow();

        assertThat(back.id()).isEqualTo(a.id());
        assertThat(back.name()).isEqualTo(a.name());
        assertThat(back.sport()).isEqualTo(SportType.TRAIL);
        assertThat(back.start()).isEqualTo(a.start());
        assertThat(back.elapsedS()).isEqualTo(a.elapsedS());
        assertThat(back.distanceM()).isEqualTo(a.distanceM());
        assertThat(back.summary()).isEqualTo(a.summary());
        assertThat(back.laps()).isEqualTo(a.laps());
        assertThat(back.tags()).isEqualTo(a.tags());
        assertThat(back.samples().size()).isEqualTo(7200);
        assertThat(back.samples().heartRate()).containsExactly(a.samples().heartRate());
        assertThat(back.samples().latitude()).containsExactly(a.samples().latitude());
        assertThat(Double.isNaN(back.samples().heartRate()[997])).isTrue();
        // 8 columns of raw doubles are 460,800 bytes; deflate must win something on real-looking series.
        assertThat(bytes.length).isLessThan(7200 * 8 * 8);
    }

    @Test
    void absent_columns_and_values_stay_absent() {
        Activity manual = new Activity("1", "garmin", null, null, Optional.empty(), OptionalDouble.empty(),
                OptionalDouble.of(1800), OptionalDouble.empty(), null,
                Samples.builder(new double[] {0, 1, 2}).heartRate(new double[] {120, 121, 122}).build(), null, null);
        Activity back = ActivityCodec.decode(ActivityCodec.encode(manual)).orElseThrow();
        assertThat(back.start()).isEmpty();
        assertThat(back.elapsedS()).isEmpty();
        assertThat(back.movingS()).hasValue(1800);
        assertThat(back.samples().hasHeartRate()).isTrue();
        assertThat(back.samples().hasSpeed()).isFalse();
        assertThat(back.samples().hasPosition()).isFalse();
        assertThat(back.tags()).isEqualTo(SessionTags.none());
        assertThat(back.laps()).isEmpty();
    }

    @Test
    void damaged_or_foreign_bytes_are_a_miss_not_an_exception() {
        byte[] good = ActivityCodec.encode(twoHourRun());
        assertThat(ActivityCodec.decode(null)).isEmpty();
        assertThat(ActivityCodec.decode(new byte[0])).isEmpty();
        assertThat(ActivityCodec.decode(Arrays.copyOf(good, good.length / 2))).isEmpty();
        byte[] otherVersion = good.clone();
        otherVersion[0] = 99;
        assertThat(ActivityCodec.decode(otherVersion)).isEmpty();
        byte[] flipped = good.clone();
        flipped[good.length / 3] ^= 0x5a;
        assertThat(ActivityCodec.decode(flipped)).as("corrupt deflate stream or garbage fields").isEmpty();
    }
}
