package ai.pace42.coach.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.pace42.coach.UnitSystem;
import ai.pace42.coach.answer.Format;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stored form, the calendar file and tracking, on the reference half-marathon plan. */
class PlanStorageFormatsTest {

    static final TrainingPlan HALF = PlanGeneratorTest.half();
    static final Format METRIC = new Format(UnitSystem.METRIC, ZoneOffset.UTC);

    @Test
    void aStoredPlanReadsBackEqual() {
        assertThat(PlanCodec.decode(PlanCodec.encode(HALF))).isEqualTo(HALF);
        assertThatThrownBy(() -> PlanCodec.decode("hello")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PlanCodec.decode("pace42-plan v1\ns|x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCalendarHasOneAllDayEventPerSessionInRfc5545Form() {
        String ics = PlanCalendar.ics(HALF, "pln_1", METRIC, Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics.split("BEGIN:VEVENT", -1)).hasSize(HALF.sessions().size() + 1);
        assertThat(ics).contains("DTSTART;VALUE=DATE:20261206\r\n", "DTEND;VALUE=DATE:20261207\r\n", "UID:pln_1-20270221@pace42",
                "DTSTAMP:20261201T100000Z", "SUMMARY:long run 14.5 km");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n");
        assertThat(PlanCalendar.escape("a, b; c\\d")).isEqualTo("a\\, b\\; c\\\\d");
    }

    @Test
    void runsAreMatchedToThePlannedSessionOfTheirDay() {
        PlanWeek first = HALF.weeks().get(0);
        List<PlannedSession> s = first.sessions(); // Tue, Thu, Fri easy; Sun long 14.5 km
        Map<LocalDate, Double> runs = new LinkedHashMap<>();
        runs.put(s.get(0).date(), s.get(0).distanceM());          // done in full
        runs.put(s.get(1).date(), s.get(1).distanceM() * 0.5);    // half of it
        runs.put(first.start(), 5_000.0);                          // Monday: no session planned
        LocalDate today = s.get(3).date();                         // Sunday, the long run still to come
        List<SessionResult> r = PlanTracking.results(HALF, runs, today);
        assertThat(r.subList(0, 4)).extracting(SessionResult::status).containsExactly(SessionResult.Status.DONE,
                SessionResult.Status.PARTIAL, SessionResult.Status.MISSED, SessionResult.Status.UPCOMING);
        assertThat(r).filteredOn(x -> x.status() == SessionResult.Status.EXTRA).singleElement()
                .satisfies(x -> assertThat(x.actualM()).isEqualTo(5_000));
        assertThat(PlanTracking.doneByWeek(HALF, runs)[0]).isEqualTo(s.get(0).distanceM() + s.get(1).distanceM() * 0.5 + 5_000);
        String words = PlanReplies.progress(HALF, r, first, METRIC);
        assertThat(words).contains("done", "partly done", "missed", "to come", "extra run of 5.0 km");
    }
}
