package ai.pace42.coach.weather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hadley's bands at their edges; the inputs are whole °F converted to °C by hand ((F − 32) × 5 / 9). */
class HeatEffectTest {

    @ParameterizedTest(name = "{0} °F + {1} °F")
    @CsvSource({
            "50, 50, 100, 0, 0",
            "50, 51, 101, 0, 0.5",
            "60, 60, 120, 0.5, 1",
            "60, 61, 121, 1, 2",
            "75, 75, 150, 3, 4.5",
            "80, 81, 161, 6, 8",
            "90, 90, 180, 8, 10"})
    void readsTheBandOfTheSum(double tF, double dF, int sum, double min, double max) {
        HeatEffect e = HeatEffect.of((tF - 32) * 5 / 9, (dF - 32) * 5 / 9);

        assertThat(e.sumF()).isEqualTo(sum);
        assertThat(e.minPct()).isEqualTo(min);
        assertThat(e.maxPct()).isEqualTo(max);
        assertThat(e.noHardRunning()).isFalse();
    }

    @Test
    void aboveOneEightyThereIsNoHardRunning() {
        HeatEffect e = HeatEffect.of((91 - 32) * 5 / 9.0, (90 - 32) * 5 / 9.0);

        assertThat(e.sumF()).isEqualTo(181);
        assertThat(e.noHardRunning()).isTrue();
        assertThat(e.range()).contains("no hard running");
    }

    @Test
    void adjustsAPaceByTheBandsEnds() {
        // 23 °C + 21 °C dew point: 73.4 + 69.8 = 143 → 3–4.5%; 5:00/km = 300 s → 309 s and 313.5 s.
        double[] adjusted = HeatEffect.of(23, 21).adjust(300);

        assertThat(adjusted[0]).isCloseTo(309, within(1e-9));
        assertThat(adjusted[1]).isCloseTo(313.5, within(1e-9));
        assertThat(HeatEffect.of(23, 21).range()).isEqualTo("3–4.5%");
    }
}
