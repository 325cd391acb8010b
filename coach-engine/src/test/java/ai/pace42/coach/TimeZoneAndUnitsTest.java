package ai.pace42.coach;

import ai.pace42.coach.model.Activity;
import ai.pace42.coach.sample.RunSynthesizer;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Relative dates are the runner's, not the server's, and every figure is in the runner's units. */
class TimeZoneAndUnitsTest {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Test
    void yesterdayIsTheRunnersYesterday() {
        // Run at 07:00 Tokyo on 25 Nov = 22:00 UTC on 24 Nov. Asked at 00:30 Tokyo on 26 Nov = 15:30 UTC on 25 Nov.
        Activity run = RunSynthesizer.seeded(1).initialHr(140).segment(40, 330, 140, 142)
                .build("tokyo", "test", ZonedDateTime.of(2026, 11, 25, 7, 0, 0, 0, TOKYO));
        var src = Fixtures.source(Fixtures.goldenProfile(), List.of(run));
        var coach = new DeterministicCoach(a -> Optional.of(src));
        var askedAt = ZonedDateTime.of(2026, 11, 26, 0, 30, 0, 0, TOKYO).toInstant();
        String text = coach.answer(new CoachQuestion("u", "how was yesterday's run", UnitSystem.METRIC, TOKYO, askedAt)).details().orElseThrow();
        assertThat(text).contains("Wed 25 Nov, 07:00").doesNotContain("I could not find");
        String utcText = coach.answer(new CoachQuestion("u", "how was yesterday's run", UnitSystem.METRIC, ZoneId.of("UTC"), askedAt)).details().orElseThrow();
        // For a UTC runner that run was on the 24th (yesterday), but it is shown at its own local time and zone,
        // as on the watch and in Garmin Connect.
        assertThat(utcText).as("found as yesterday's run, shown where it was run")
                .contains("Wed 25 Nov, 07:00 (Asia/Tokyo time)").doesNotContain("I could not find");
    }

    @Test
    void imperialRunnersGetMilesEverywhere() {
        var sample = CoachServiceTest.SAMPLE;
        var coach = new DeterministicCoach(a -> Optional.of(sample));
        for (String q : List.of("What are my training paces?", "Predict my half marathon", "Compare my last 3 runs", "What should I run tomorrow?")) {
            String text = coach.answer(new CoachQuestion("u", q, UnitSystem.IMPERIAL, Fixtures.ZONE, Fixtures.NOW)).text();
            assertThat(text).as(q).contains(" /mi").doesNotContain("/km");
        }
    }

    @Test
    void dayNamesFollowTheRunnersCalendar() {
        LocalDate today = Fixtures.TODAY;
        assertThat(today.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.THURSDAY);
        Activity tuesday = Fixtures.easy("tue", today.minusDays(2), 40, 340, 140);
        String text = Fixtures.fullText(Fixtures.ask(Fixtures.goldenProfile(), List.of(tuesday), "my run on tuesday"));
        assertThat(text).contains("Tue 24 Nov");
    }
}
