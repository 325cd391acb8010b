package ai.pace42.garmin.sync;

import ai.pace42.coach.model.Activity;
import ai.pace42.garmin.TestActivities;
import ai.pace42.coach.model.Samples;
import ai.pace42.coach.model.SessionTags;
import ai.pace42.coach.model.SportType;
import org.junit.jupiter.api.Test;

import ai.pace42.coach.model.HrZoneTimes;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.OptionalInt;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

class ActivityCodecTest {

    @Test
    void a_two_hour_run_comes_back_exactly_and_smaller() {
        Activity a = TestActivities.twoHourRun();
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
        byte[] good = ActivityCodec.encode(TestActivities.twoHourRun());
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

    @Test
    void garmins_time_in_zones_comes_back_with_the_run() {
        Activity a = TestActivities.twoHourRun();
        HrZoneTimes zones = new HrZoneTimes(List.of(new HrZoneTimes.Zone(1, 42.5, OptionalInt.of(109)),
                new HrZoneTimes.Zone(2, 900, OptionalInt.empty())));
        Activity withZones = new Activity(a.id(), a.source(), a.name(), a.sport(), a.start(), a.elapsedS(),
                a.movingS(), a.distanceM(), a.summary().withHrZones(zones), a.samples(), a.laps(), a.tags());

        Activity back = ActivityCodec.decode(ActivityCodec.encode(withZones)).orElseThrow();

        assertThat(back.summary().hrZones()).isEqualTo(zones);
    }

    /** Imported files are stored with this codec and cannot be fetched again: version-2 bytes must still read. */
    @Test
    void a_run_stored_before_zones_existed_still_decodes() {
        // Encoded by the version-2 codec (main before time in zones): 5,000 m in 1,800 s, HR 150/171, no samples.
        byte[] v2 = Base64.getDecoder().decode(
                "AngBY2A0Z2BJy8xJZeDyz0lRyMwtyC8qYWAJ8nd0YWB0mOPBAAJAhgKUsbkDykg6AGWkJoAZmAQAEd8M8g==");

        Activity back = ActivityCodec.decode(v2).orElseThrow();

        assertThat(back.name()).isEqualTo("Old import");
        assertThat(back.distanceM()).hasValue(5000);
        assertThat(back.summary().maxHeartRate()).hasValue(171);
        assertThat(back.summary().hrZones().zones()).isEmpty();
    }
}
