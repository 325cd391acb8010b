package ai.pace42.coach.plan;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.coach.UnitSystem;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * Each guardrail against a hand-made plan that breaks it. The good plan: 30 km a week before, a 12 km run two days
 * before the start, three loading weeks (32.5, 34.5, 36 km; long runs 12, 13, 14 km) and a 10 km race week at 16 km.
 */
class PlanGuardrailsTest {

    static final LocalDate START = LocalDate.of(2027, 3, 1); // a Monday
    static final LocalDate RACE = START.plusWeeks(3).plusDays(6);
    static final CurrentFitness FITNESS = new CurrentFitness(OptionalDouble.of(49.8), 30_000,
            List.of(new PastRun(START.minusDays(2), 12_000), new PastRun(START.minusDays(4), 8_000)), OptionalDouble.empty());

    static PlannedSession run(LocalDate day, SessionKind kind, double km) {
        return new PlannedSession(day, kind, km * 1000, 0, 0, 0, Double.NaN, Double.NaN, false);
    }

    /** Tue quality, Thu quality, Fri easy, Sun long. */
    static List<PlannedSession> week(int w, SessionKind q1, double q1Km, SessionKind q2, double q2Km, double easyKm, double longKm) {
        LocalDate mon = START.plusWeeks(w);
        return List.of(run(mon.plusDays(1), q1, q1Km), run(mon.plusDays(3), q2, q2Km), run(mon.plusDays(4), SessionKind.EASY, easyKm),
                run(mon.plusDays(6), SessionKind.LONG, longKm));
    }

    static List<PlannedSession> raceWeek(int w, double easyKm) {
        LocalDate mon = START.plusWeeks(w);
        return List.of(run(mon.plusDays(1), SessionKind.THRESHOLD, 6), run(mon.plusDays(3), SessionKind.EASY, easyKm),
                run(mon.plusDays(4), SessionKind.EASY, 5), run(mon.plusDays(6), SessionKind.RACE, 10));
    }

    static TrainingPlan plan(LocalDate race, List<List<PlannedSession>> weeks) {
        List<PlanWeek> out = new ArrayList<>();
        for (int i = 0; i < weeks.size(); i++) {
            out.add(new PlanWeek(i, START.plusWeeks(i), i == weeks.size() - 1 ? Phase.TAPER : Phase.BUILD, false, weeks.get(i)));
        }
        return new TrainingPlan(new PlanRequest(race, 10_000, 4, DayOfWeek.SUNDAY, START.minusDays(3), UnitSystem.METRIC),
                FITNESS, out, List.of());
    }

    static List<List<PlannedSession>> good() {
        return new ArrayList<>(List.of(
                week(0, SessionKind.THRESHOLD, 8, SessionKind.INTERVALS, 8, 4.5, 12),
                week(1, SessionKind.THRESHOLD, 8, SessionKind.INTERVALS, 8, 5.5, 13),
                week(2, SessionKind.THRESHOLD, 8, SessionKind.INTERVALS, 8, 6, 14),
                raceWeek(3, 5)));
    }

    static List<Guardrail> broken(TrainingPlan p) {
        return PlanGuardrails.check(p).stream().map(PlanGuardrails.Violation::rule).toList();
    }

    @Test
    void theGoodPlanBreaksNothing() {
        assertThat(PlanGuardrails.check(plan(RACE, good()))).isEmpty();
    }

    @Test
    void aLongRunAboveTenPercentOverTheThirtyDayLongestIsASpike() {
        var weeks = good();
        weeks.set(1, week(1, SessionKind.THRESHOLD, 8, SessionKind.INTERVALS, 8, 3.5, 14)); // 14 > 1.1 × 12 = 13.2
        assertThat(broken(plan(RACE, weeks))).containsExactly(Guardrail.LONG_RUN_SPIKE);
    }

    @Test
    void withoutAnyRunInThirtyDaysTheFirstRunsAreThirtyMinutes() {
        CurrentFitness returning = new CurrentFitness(OptionalDouble.empty(), 0, List.of(), OptionalDouble.empty());
        TrainingPlan p = plan(RACE, good());
        TrainingPlan fromBreak = new TrainingPlan(p.request(), returning, p.weeks(), List.of());
        // 8 km on the first Tuesday against the 4 km a 30-minute run is without a known pace.
        assertThat(PlanGuardrails.check(fromBreak)).filteredOn(v -> v.rule() == Guardrail.LONG_RUN_SPIKE)
                .extracting(PlanGuardrails.Violation::date).contains(START.plusDays(1));
    }

    @Test
    void threeQualitySessionsInAWeekAreTooMany() {
        var weeks = good();
        LocalDate mon = START.plusWeeks(1);
        weeks.set(1, List.of(run(mon.plusDays(1), SessionKind.THRESHOLD, 8), run(mon.plusDays(3), SessionKind.INTERVALS, 8),
                run(mon.plusDays(5), SessionKind.REPETITIONS, 6), run(mon.plusDays(6), SessionKind.EASY, 13)));
        assertThat(broken(plan(RACE, weeks))).containsExactly(Guardrail.QUALITY_PER_WEEK);
    }

    @Test
    void qualityOnConsecutiveDaysIsLessThanFortyEightHoursApart() {
        var weeks = good();
        LocalDate mon = START;
        weeks.set(0, List.of(run(mon.plusDays(1), SessionKind.THRESHOLD, 8), run(mon.plusDays(2), SessionKind.INTERVALS, 8),
                run(mon.plusDays(4), SessionKind.EASY, 4.5), run(mon.plusDays(6), SessionKind.LONG, 12)));
        assertThat(PlanGuardrails.check(plan(RACE, weeks))).extracting(PlanGuardrails.Violation::rule, PlanGuardrails.Violation::date)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Guardrail.HARD_DAY_SPACING, START.plusDays(2)));
    }

    @Test
    void aWeekMoreThanTenPercentAboveTheWeekBeforeRampsTooFast() {
        var weeks = good();
        weeks.set(0, week(0, SessionKind.THRESHOLD, 8, SessionKind.INTERVALS, 8, 9, 12)); // 37 km after 30 (limit 33)
        assertThat(broken(plan(RACE, weeks))).containsExactly(Guardrail.WEEKLY_RAMP);
    }

    @Test
    void returningToTheLevelBeforeACutBackWeekIsNoRamp() {
        var weeks = good();
        weeks.set(1, week(1, SessionKind.THRESHOLD, 7, SessionKind.INTERVALS, 7, 3, 9)); // 26 km cut-back
        weeks.set(2, week(2, SessionKind.THRESHOLD, 8, SessionKind.INTERVALS, 8, 6, 13));
        // Week 3 at 35 km is 35% above the cut-back week but within 10% of the 32.5 km before it.
        assertThat(PlanGuardrails.check(plan(RACE, weeks))).isEmpty();
    }

    @Test
    void fourLoadingWeeksInARowNeedACutBack() {
        List<List<PlannedSession>> weeks = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            weeks.add(week(w, SessionKind.THRESHOLD, 8, SessionKind.INTERVALS, 8, 4, 10)); // 30 km each
        }
        weeks.add(raceWeek(4, 3));
        TrainingPlan p = plan(START.plusWeeks(4).plusDays(6), weeks);
        assertThat(PlanGuardrails.check(p)).extracting(PlanGuardrails.Violation::rule, PlanGuardrails.Violation::date)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Guardrail.CUT_BACK, START.plusWeeks(3)));
    }

    @Test
    void aRaceWeekAsHeavyAsThePeakIsNoTaper() {
        var weeks = good();
        LocalDate mon = START.plusWeeks(3);
        weeks.set(3, List.of(run(mon.plusDays(1), SessionKind.THRESHOLD, 8), run(mon.plusDays(3), SessionKind.EASY, 12),
                run(mon.plusDays(4), SessionKind.EASY, 12), run(mon.plusDays(6), SessionKind.RACE, 10))); // 32 km after 36
        assertThat(PlanGuardrails.check(plan(RACE, weeks))).extracting(PlanGuardrails.Violation::rule)
                .containsOnly(Guardrail.TAPER).hasSize(1);
    }

    @Test
    void aRaceWeekBelowFortyPercentCutsTooMuch() {
        var weeks = good();
        LocalDate mon = START.plusWeeks(3);
        weeks.set(3, List.of(run(mon.plusDays(1), SessionKind.THRESHOLD, 6), run(mon.plusDays(4), SessionKind.EASY, 5),
                run(mon.plusDays(6), SessionKind.RACE, 10))); // 11 km = 31% of 36
        assertThat(PlanGuardrails.check(plan(RACE, weeks))).extracting(PlanGuardrails.Violation::detail)
                .containsExactly("race week at 31% of the peak week (40–60%)");
    }

    @Test
    void aPlanWhoseRaceIsNotOnRaceDayHasNoTaper() {
        assertThat(broken(plan(RACE.plusDays(1), good()))).containsExactly(Guardrail.TAPER);
    }

    @Test
    void sevenRunningDaysLeaveNoRestDay() {
        var weeks = good();
        LocalDate mon = START;
        List<PlannedSession> seven = new ArrayList<>(weeks.get(0));
        seven.set(2, run(mon.plusDays(4), SessionKind.EASY, 1.5));
        seven.add(run(mon, SessionKind.EASY, 1));
        seven.add(run(mon.plusDays(2), SessionKind.EASY, 1));
        seven.add(run(mon.plusDays(5), SessionKind.EASY, 1));
        weeks.set(0, seven);
        assertThat(broken(plan(RACE, weeks))).containsExactly(Guardrail.REST_DAY);
    }
}
