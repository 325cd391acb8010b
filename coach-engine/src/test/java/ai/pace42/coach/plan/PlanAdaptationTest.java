package ai.pace42.coach.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * Each adaptation against the reference half-marathon plan ({@link PlanGeneratorTest#half()}: 12 weeks from Mon 30 Nov
 * 2026, Tue/Thu quality from the build on 21 Dec, Fri easy, Sun long). The expected days and distances are read off
 * that plan as printed in the report: build week Mon 21 Dec has Tue threshold 7.7 km, Thu intervals 7.2 km, Fri easy
 * 6.0 km, Sun long 16.5 km; Tue 8 Dec holds repetitions of 7.2 km.
 */
class PlanAdaptationTest {

    static final LocalDate MON_21 = LocalDate.of(2026, 12, 21);

    /** The runner's fitness when they tell us: a run yesterday, so no time off unless the test says so. */
    static CurrentFitness ranYesterday(LocalDate today) {
        return new CurrentFitness(OptionalDouble.of(49.8), 30_000, List.of(new PastRun(today.minusDays(1), 7_000),
                new PastRun(today.minusDays(3), 14_500), new PastRun(today.minusDays(5), 6_000),
                new PastRun(today.minusDays(10), 15_500)), OptionalDouble.of(150));
    }

    static PlannedSession on(TrainingPlan p, LocalDate day) {
        return p.on(day).orElseThrow(() -> new AssertionError("no session on " + day));
    }

    static TrainingPlan proposed(PlanAdapter.Proposal proposal) {
        assertThat(proposal.plan()).as(proposal.reason()).isPresent();
        assertThat(PlanGuardrails.check(proposal.plan().get()).stream().map(PlanGuardrails.Violation::rule))
                .as("a proposal may only break the rules a lighter plan is excused from")
                .allMatch(r -> r == Guardrail.WEEKLY_RAMP || r == Guardrail.CUT_BACK || r == Guardrail.TAPER);
        return proposal.plan().get();
    }

    @Test
    void theReferencePlanHasTheSessionsTheseTestsRelyOn() {
        TrainingPlan p = PlanGeneratorTest.half();
        assertThat(on(p, MON_21.plusDays(1)).kind()).isEqualTo(SessionKind.THRESHOLD);
        assertThat(on(p, MON_21.plusDays(1)).distanceM()).isEqualTo(7_700, within(1.0));
        assertThat(on(p, MON_21.plusDays(3)).kind()).isEqualTo(SessionKind.INTERVALS);
        assertThat(on(p, MON_21.plusDays(4)).kind()).isEqualTo(SessionKind.EASY);
        assertThat(on(p, MON_21.plusDays(6)).kind()).isEqualTo(SessionKind.LONG);
        assertThat(on(p, LocalDate.of(2026, 12, 8)).kind()).isEqualTo(SessionKind.REPETITIONS);
    }

    @Test
    void oneToThreeMissedDaysChangeNothing() {
        PlanAdapter.Proposal p = PlanAdapter.missed(PlanGeneratorTest.half(), 3, LocalDate.of(2026, 12, 17), ranYesterday(LocalDate.of(2026, 12, 17)));
        assertThat(p.plan()).isEmpty();
        assertThat(p.reason()).contains("carry on", "don't make up a missed quality session", "don't lengthen the next long run");
    }

    @Test
    void fourToTenMissedDaysRepeatLastWeeksVolumeWithOneQualityAndTheLongRunKept() {
        TrainingPlan plan = PlanGeneratorTest.half();
        LocalDate wed16 = LocalDate.of(2026, 12, 16); // in the cut-back week; the last full week is Mon 7 Dec at 34.7 km
        TrainingPlan p = proposed(PlanAdapter.missed(plan, 6, wed16, ranYesterday(wed16)));
        PlanWeek next = p.weekOf(MON_21).orElseThrow();
        assertThat(next.volumeM()).isLessThanOrEqualTo(34_700 + 1);
        assertThat(next.qualityCount()).isEqualTo(1);
        assertThat(on(p, MON_21.plusDays(1)).kind()).as("the first quality session stays").isEqualTo(SessionKind.THRESHOLD);
        assertThat(on(p, MON_21.plusDays(3)).kind()).isEqualTo(SessionKind.EASY);
        assertThat(on(p, MON_21.plusDays(6)).distanceM()).as("the long run is kept, so later long runs stay within the spike guard")
                .isEqualTo(16_500, within(1.0));
        assertThat(p.weeks().subList(4, 12)).isEqualTo(plan.weeks().subList(4, 12));
    }

    @Test
    void moreThanTenMissedDaysRebuildWithDanielsTimeOffFactor() {
        LocalDate wed9 = LocalDate.of(2026, 12, 9);
        PlanAdapter.Proposal proposal = PlanAdapter.missed(PlanGeneratorTest.half(), 14, wed9, ranYesterday(wed9));
        TrainingPlan p = proposed(proposal);
        // 14 days off: factor 0.973 (no cross-training), 49.8 × 0.973 = 48.455.
        assertThat(p.fitness().vdot().getAsDouble()).isEqualTo(48.455, within(0.001));
        assertThat(proposal.reason()).contains("VDOT 48.5 instead of 49.8", "0.973", "rebuilt");
        assertThat(p.start()).isAfter(wed9);
    }

    @Test
    void illnessMeansRestThenEasyDaysThenTheRebuiltPlanWithAReducedVdot() {
        LocalDate wed9 = LocalDate.of(2026, 12, 9);
        PlanAdapter.Proposal proposal = PlanAdapter.ill(PlanGeneratorTest.half(), wed9, ranYesterday(wed9));
        TrainingPlan p = proposed(proposal);
        LocalDate first = p.sessions().get(0).date();
        assertThat(first).as("at least 7 days without running").isAfterOrEqualTo(wed9.plusDays(PlanAdapter.ILL_REST_DAYS));
        assertThat(p.sessions()).filteredOn(s -> s.date().isBefore(first.plusDays(PlanAdapter.ILL_EASY_DAYS)))
                .isNotEmpty().noneMatch(s -> s.kind().quality());
        assertThat(p.sessions()).as("quality returns later").anyMatch(s -> s.kind().quality());
        // Last run Tue 8 Dec, first run back Tue 22 Dec: 13 days off, factor 0.994 + 6/7 × (0.973 − 0.994) = 0.976.
        assertThat(first).isEqualTo(LocalDate.of(2026, 12, 22));
        assertThat(p.fitness().vdot().getAsDouble()).isEqualTo(49.8 * 0.976, within(0.001));
        // 13 of 28 days: 1 − 13/28 × 0.55 = 74% of the 30 km a week.
        assertThat(p.fitness().weeklyM()).isEqualTo(30_000 * (1 - 13 / 28.0 * 0.55), within(1.0));
        assertThat(proposal.reason()).contains("no running and no intensity", "restarts on 2026-12-22", "74%", "7 days of easy runs",
                "VDOT 48.6 instead of 49.8", "doctor");
    }

    @Test
    void travellingNextWeekTurnsItsQualityIntoEasyRunsOfTheSameDistance() {
        TrainingPlan plan = PlanGeneratorTest.half();
        PlanAdapter.Proposal proposal = PlanAdapter.travelling(plan, LocalDate.of(2026, 12, 17));
        TrainingPlan p = proposed(proposal);
        PlanWeek travel = p.weekOf(MON_21).orElseThrow();
        assertThat(travel.qualityCount()).isZero();
        assertThat(travel.volumeM()).isEqualTo(plan.weekOf(MON_21).orElseThrow().volumeM(), within(1.0));
        assertThat(on(p, MON_21.plusDays(1))).satisfies(s -> {
            assertThat(s.kind()).isEqualTo(SessionKind.EASY);
            assertThat(s.distanceM()).isEqualTo(7_700, within(1.0));
            assertThat(s.fastMps()).as("at the plan's easy pace").isEqualTo(on(plan, MON_21.plusDays(4)).fastMps());
        });
        assertThat(p.weeks().subList(4, 12)).isEqualTo(plan.weeks().subList(4, 12));
        assertThat(proposal.reason()).contains("2026-12-21 to 2026-12-27", "Tue 22 Dec: threshold run 7.7 km → easy run 7.7 km");
    }

    @Test
    void blackoutDaysDropTheirSessionsWithoutMakingThemUp() {
        TrainingPlan plan = PlanGeneratorTest.half();
        LocalDate thu14Jan = LocalDate.of(2027, 1, 14);
        PlanAdapter.Proposal proposal = PlanAdapter.blackout(plan, thu14Jan, thu14Jan.plusDays(1), LocalDate.of(2027, 1, 12));
        TrainingPlan p = proposed(proposal);
        assertThat(p.on(thu14Jan)).isEmpty();
        assertThat(p.on(thu14Jan.plusDays(1))).isEmpty();
        assertThat(p.sessions()).hasSize(plan.sessions().size() - 2);
        assertThat(p.sessions()).as("nothing else moved or grew").allMatch(s -> plan.sessions().contains(s));
        assertThat(proposal.reason()).contains("dropped and not made up", "Thu 14 Jan: easy run 6.2 km → rest");
    }

    @Test
    void aBlackoutWhoseGapWouldMakeTheNextWeeksJumpIsRefusedWithTheRule() {
        // Dropping Thu 24–Sat 26 Dec leaves the build week at 24.2 km after a 27.7 km cut-back: the next week's
        // 40.3 km would be 45% above both, beyond the 30% block.
        PlanAdapter.Proposal p = PlanAdapter.blackout(PlanGeneratorTest.half(), LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 26),
                LocalDate.of(2026, 12, 23));
        assertThat(p.plan()).isEmpty();
        assertThat(p.reason()).contains("40.3 km after 27.7 km", "I missed 4 days");
    }

    @Test
    void soreLegsShortenTodayAndTomorrowToEasyRunsAndSayWhenTheWeekAfterRisesMore() {
        TrainingPlan plan = PlanGeneratorTest.half();
        LocalDate tue8 = LocalDate.of(2026, 12, 8);
        PlanAdapter.Proposal proposal = PlanAdapter.sore(plan, tue8);
        TrainingPlan p = proposed(proposal);
        // 60% of the 7.2 km repetitions is 4.32 km, rounded down to 4.3 km.
        assertThat(on(p, tue8).kind()).isEqualTo(SessionKind.EASY);
        assertThat(on(p, tue8).distanceM()).isEqualTo(4_300, within(1.0));
        assertThat(p.sessions()).filteredOn(s -> s.date().isAfter(tue8.plusDays(1))).isEqualTo(
                plan.sessions().stream().filter(s -> s.date().isAfter(tue8.plusDays(1))).toList());
        assertThat(proposal.reason()).contains("physio", "Tue 8 Dec: repetitions 7.2 km → easy run 4.3 km",
                "rises more than 10%", "37.4 km after 31.8 km");
    }

    @Test
    void movingOntoADayWithASessionSwapsThemWhenTheGuardrailsAllow() {
        TrainingPlan plan = PlanGeneratorTest.half();
        PlanAdapter.Proposal proposal = PlanAdapter.move(plan, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, MON_21);
        TrainingPlan p = proposed(proposal);
        assertThat(on(p, MON_21.plusDays(4)).kind()).isEqualTo(SessionKind.INTERVALS);
        assertThat(on(p, MON_21.plusDays(3)).kind()).isEqualTo(SessionKind.EASY);
        assertThat(on(p, MON_21.plusDays(3)).distanceM()).isEqualTo(6_000, within(1.0));
        assertThat(proposal.reason()).contains("takes its place");
    }

    @Test
    void aMoveThatPutsHardDaysWithin48HoursIsRefusedWithTheReasonAndASafeAlternative() {
        TrainingPlan plan = PlanGeneratorTest.half();
        PlanAdapter.Proposal proposal = PlanAdapter.move(plan, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, MON_21);
        assertThat(proposal.reason()).contains("would break a guardrail: hard days need 48 h between them",
                "intervals 24 h after the threshold run", "Instead");
        TrainingPlan p = proposed(proposal);
        // No free day within three days keeps 48 h to Sunday's long run and Thursday's intervals, so the offer is
        // Wednesday as an easy run of the threshold run's 7.7 km.
        assertThat(p.on(MON_21.plusDays(1))).isEmpty();
        assertThat(on(p, MON_21.plusDays(2)).kind()).isEqualTo(SessionKind.EASY);
        assertThat(on(p, MON_21.plusDays(2)).distanceM()).isEqualTo(7_700, within(1.0));
        assertThat(p.weekOf(MON_21).orElseThrow().qualityCount()).isEqualTo(1);
    }

    @Test
    void aMoveThatMakesThreeQualitySessionsInAWeekIsRefusedAndNothingChanges() {
        PlanAdapter.Proposal proposal = PlanAdapter.move(PlanGeneratorTest.half(), DayOfWeek.THURSDAY, DayOfWeek.MONDAY, MON_21);
        assertThat(proposal.plan()).isEmpty();
        assertThat(proposal.reason()).contains("at most 2 quality sessions a week", "3 quality sessions", "stays as it is");
    }

    @Test
    void aMoveOntoRaceDayIsRefused() {
        PlanAdapter.Proposal proposal = PlanAdapter.move(PlanGeneratorTest.half(), DayOfWeek.FRIDAY, DayOfWeek.SUNDAY,
                LocalDate.of(2027, 2, 15));
        assertThat(proposal.plan()).isEmpty();
        assertThat(proposal.reason()).contains("race day");
    }

    @Test
    void danielsTimeOffFactorsAtTheTablesPointsAndBetween() {
        assertThat(TimeOff.vdotFactor(3)).isEqualTo(1.0);
        assertThat(TimeOff.vdotFactor(5)).isEqualTo(1.0);
        assertThat(TimeOff.vdotFactor(7)).isEqualTo(0.994, within(1e-9));
        assertThat(TimeOff.vdotFactor(14)).isEqualTo(0.973, within(1e-9));
        assertThat(TimeOff.vdotFactor(42)).isEqualTo(0.889, within(1e-9));
        assertThat(TimeOff.vdotFactor(72)).isEqualTo(0.800, within(1e-9));
        assertThat(TimeOff.vdotFactor(200)).isEqualTo(0.800, within(1e-9));
        // Halfway from 7 to 14 days: (0.994 + 0.973) / 2.
        assertThat(TimeOff.vdotFactor(10)).isEqualTo(0.994 + 3 / 7.0 * (0.973 - 0.994), within(1e-9));
        assertThat(TimeOff.vdotFactor(35)).isEqualTo((0.931 + 0.889) / 2, within(1e-9));
    }

    @Test
    void theGapIsCountedFromTheNewestRunAndAShortOneChangesNothing() {
        LocalDate today = LocalDate.of(2026, 12, 20);
        CurrentFitness lastRunOn6Dec = new CurrentFitness(OptionalDouble.of(50), 20_000, List.of(new PastRun(LocalDate.of(2026, 12, 6), 10_000),
                new PastRun(LocalDate.of(2026, 12, 1), 8_000)), OptionalDouble.empty());
        assertThat(TimeOff.daysSinceLastRun(lastRunOn6Dec, today)).isEqualTo(13);
        TimeOff.Adjusted a = TimeOff.after(lastRunOn6Dec, 13);
        assertThat(a.fitness().vdot().getAsDouble()).isEqualTo(50 * (0.994 + 6 / 7.0 * (0.973 - 0.994)), within(1e-9));
        assertThat(a.note()).hasValueSatisfying(n -> assertThat(n).contains("13 days", "VDOT 48.8 instead of 50.0"));
        assertThat(TimeOff.after(lastRunOn6Dec, 4).fitness()).isEqualTo(lastRunOn6Dec);
        assertThat(TimeOff.after(lastRunOn6Dec, 4).note()).isEmpty();
        CurrentFitness noRuns = new CurrentFitness(OptionalDouble.of(50), 0, List.of(), OptionalDouble.empty());
        assertThat(TimeOff.daysSinceLastRun(noRuns, today)).as("no run in the 30-day window").isEqualTo(30);
    }
}
