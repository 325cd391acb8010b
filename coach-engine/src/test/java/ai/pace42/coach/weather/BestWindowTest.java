package ai.pace42.coach.weather;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BestWindowTest {

    private static final Instant START = Instant.parse("2026-07-05T04:00:00Z");

    /** One hour: rain chance (0 or 80 with 2 mm) and daylight. */
    private static HourScore hour(int i, boolean wet, boolean day) {
        return ConditionsScorer.score(new HourlyWeather(START.plusSeconds(3600L * i), 12, 5, Double.NaN,
                wet ? 80 : 0, wet ? 2 : 0, wet ? 63 : 1, 5, 10, 1, day ? 1 : 0));
    }

    @Test
    void takesTheEarliestDryDaylightPairAndScoresItByItsWorseHour() {
        // hours 0-1 dark and dry, 2 wet, 3-4 dry daylight, 5-6 dry daylight
        List<HourScore> hours = new ArrayList<>();
        hours.add(hour(0, false, false));
        hours.add(hour(1, false, false));
        hours.add(hour(2, true, true));
        hours.add(hour(3, false, true));
        hours.add(hour(4, false, true));
        hours.add(hour(5, false, true));

        BestWindow w = BestWindow.find(hours).orElseThrow();

        assertThat(w.start()).isEqualTo(START.plusSeconds(3 * 3600));
        assertThat(w.end()).isEqualTo(START.plusSeconds(5 * 3600));
        assertThat(w.daylight()).isTrue();
        // 12 °C + 5 °C dew point = 53.6 + 41 = 95 °F: no heat penalty, dry: 100.
        assertThat(w.score()).isEqualTo(100);
    }

    @Test
    void aWetHourSpoilsItsPairAndNightIsOnlyTakenWithoutDaylight() {
        List<HourScore> night = List.of(hour(0, false, false), hour(1, true, false), hour(2, false, false),
                hour(3, false, false));

        BestWindow w = BestWindow.find(night).orElseThrow();

        assertThat(w.start()).isEqualTo(START.plusSeconds(2 * 3600));
        assertThat(w.daylight()).isFalse();
    }

    @Test
    void hoursThatAreNotConsecutiveMakeNoWindow() {
        List<HourScore> gap = List.of(hour(0, false, true), hour(2, false, true));

        assertThat(BestWindow.find(gap)).isEmpty();
    }
}
