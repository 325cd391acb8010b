package ai.pace42.garmin.sync;

import ai.pace42.coach.model.Activity;
import ai.pace42.garmin.TestActivities;
import ai.pace42.coach.model.Samples;
import ai.pace42.coach.model.SessionTags;
import ai.pace42.coach.model.SportType;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
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
}
