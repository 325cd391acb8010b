package ai.pace42.coach.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.pace42.coach.UnitSystem;
import ai.pace42.coach.answer.Format;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * Plans against the reference rules, with expected values worked out by hand from coaching-science.md: the
 * reference profile is VDOT 49.8 (5 km in 20:00), whose Daniels paces are T ≈ 4:16 /km, I ≈ 3:56 /km, M ≈ 4:32 /km
 * and whose half marathon is 1:31:50.
 */
class PlanGeneratorTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 26); // a Thursday
    static final LocalDate HALF_DAY = LocalDate.of(2027, 2, 21); // a Sunday, 12 weeks and 3 days later
    static final CurrentFitness REFERENCE = new CurrentFitness(OptionalDouble.of(49.8), 30_000,
            List.of(new PastRun(TODAY.minusDays(3), 14_000), new PastRun(TODAY.minusDays(5), 8_000),
                    new PastRun(TODAY.minusDays(10), 12_000)), OptionalDouble.of(150));

    static TrainingPlan ready(PlanOutcome o) {
        assertThat(o).as(() -> o instanceof PlanOutcome.Refused r ? r.reason() : "").isInstanceOf(PlanOutcome.Ready.class);
        return ((PlanOutcome.Ready) o).plan();
    }

    static TrainingPlan half() {
        return ready(PlanGenerator.generate(new PlanRequest(HALF_DAY, 21_097.5, 4, DayOfWeek.SUNDAY, TODAY, UnitSystem.METRIC), REFERENCE));
    }

    /** Seconds per km of a speed. */
    static double spk(double mps) {
        return 1000 / mps;
    }

    @Test
    void theHalfMarathonPlanIsPeriodisedBackFromRaceDay() {
        TrainingPlan p = half();
        assertThat(p.weeks()).hasSize(12);
        assertThat(p.start()).isEqualTo(LocalDate.of(2026, 11, 30)); // the Monday after today
        assertThat(p.weeks()).extracting(PlanWeek::phase).startsWith(Phase.BASE).endsWith(Phase.PEAK, Phase.TAPER, Phase.TAPER)
                .containsSubsequence(Phase.BASE, Phase.BUILD, Phase.PEAK, Phase.TAPER);
        PlanWeek last = p.weeks().get(11);
        assertThat(last.sessions()).last().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(SessionKind.RACE);
            assertThat(s.date()).isEqualTo(HALF_DAY);
        });
    }

    @Test
    void theFirstWeekStartsFromCurrentFitness() {
        PlanWeek first = half().weeks().get(0);
        // By hand: at most 30 km × 1.10 = 33 km; the long run at most 110% of the 14 km run of 3 days ago = 15.4 km,
        // and at most 45% of a 32.4 km week (4 days) = 14.6 km, rounded down to half a kilometre: 14.5 km.
        assertThat(first.volumeM()).isLessThanOrEqualTo(33_000);
        assertThat(first.sessions()).filteredOn(s -> s.kind() == SessionKind.LONG).singleElement()
                .satisfies(s -> {
                    assertThat(s.distanceM()).isEqualTo(14_500);
                    assertThat(s.date().getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
                });
        assertThat(first.sessions()).hasSize(4);
    }

    @Test
    void sessionsCarryDanielsPacesOfTheReferenceVdot() {
        TrainingPlan p = half();
        PlannedSession t = p.sessions().stream().filter(s -> s.kind() == SessionKind.THRESHOLD).findFirst().orElseThrow();
        PlannedSession i = p.sessions().stream().filter(s -> s.kind() == SessionKind.INTERVALS).findFirst().orElseThrow();
        // T 4:16 /km = 256 s, I 3:56 /km = 236 s: each range holds the reference pace (±2 s for the reference's rounding).
        assertThat(spk(t.fastMps())).isLessThanOrEqualTo(258);
        assertThat(spk(t.slowMps())).isGreaterThanOrEqualTo(254);
        assertThat(spk(i.fastMps())).isLessThanOrEqualTo(238);
        assertThat(spk(i.slowMps())).isGreaterThanOrEqualTo(234);
        PlannedSession race = p.sessions().get(p.sessions().size() - 1);
        assertThat(race.distanceM() / race.fastMps()).as("1:31:50 for VDOT 49.8").isCloseTo(5510, within(20.0));
        String text = PlanText.describe(t, new Format(UnitSystem.METRIC, ZoneOffset.UTC), OptionalDouble.empty());
        assertThat(text).matches("\\*\\*threshold run\\*\\* \\d+\\.\\d km: 2\\.0 km easy, \\d+\\.\\d km at 4:1\\d–4:1\\d /km, 2\\.0 km easy");
    }

    @Test
    void everyWeekKeepsTheReferenceLimits() {
        TrainingPlan p = half();
        List<PlannedSession> all = p.sessions();
        double previous = 30_000, beforeThat = 30_000;
        for (PlanWeek w : p.weeks()) {
            assertThat(w.qualityCount()).as("week %d quality", w.index()).isLessThanOrEqualTo(2);
            assertThat(w.volumeM()).as("week %d ramp", w.index()).isLessThanOrEqualTo(Math.max(previous, beforeThat) * 1.10 + 1);
            assertThat(w.sessions().stream().map(PlannedSession::date).distinct().count()).isLessThanOrEqualTo(6);
            beforeThat = previous;
            previous = w.volumeM();
        }
        for (PlannedSession s : all) {
            if (s.kind() == SessionKind.RACE) {
                continue;
            }
            double longest30 = REFERENCE.recentRuns().stream().filter(r -> !r.date().isBefore(s.date().minusDays(30)))
                    .mapToDouble(PastRun::distanceM).max().orElse(0);
            for (PlannedSession o : all) {
                if (o.kind() != SessionKind.RACE && o.date().isBefore(s.date()) && !o.date().isBefore(s.date().minusDays(30))) {
                    longest30 = Math.max(longest30, o.distanceM());
                }
            }
            assertThat(s.distanceM()).as("%s on %s", s.kind(), s.date()).isLessThanOrEqualTo(1.10 * longest30 + 1);
        }
        List<PlannedSession> hard = all.stream().filter(s -> s.kind().hard()).toList();
        for (int k = 1; k < hard.size(); k++) {
            assertThat(ChronoUnit.DAYS.between(hard.get(k - 1).date(), hard.get(k).date())).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void cutBackWeeksComeAtLeastEveryFourthWeekAndTheTaperCutsFortyToSixtyPercent() {
        TrainingPlan p = half();
        List<PlanWeek> training = p.weeks().subList(0, 10);
        for (int k = 0; k + 3 < training.size(); k++) {
            boolean lighter = false;
            for (int j = k; j <= k + 3; j++) {
                double before = j == 0 ? 30_000 : training.get(j - 1).volumeM();
                lighter |= training.get(j).volumeM() <= 0.9 * before;
            }
            assertThat(lighter).as("a cut-back in weeks %d–%d", k + 1, k + 4).isTrue();
        }
        double peak = training.stream().mapToDouble(PlanWeek::volumeM).max().orElseThrow();
        double race = p.weeks().get(11).volumeM();
        assertThat(race / peak).as("Bosquet: volume cut by 41–60%").isBetween(0.40, 0.60);
        assertThat(p.weeks().get(10).volumeM()).isLessThan(training.get(9).volumeM()).isGreaterThan(race);
        assertThat(p.weeks().get(10).qualityCount()).as("intensity kept in the taper").isPositive();
        assertThat(p.peakLongRunM()).isGreaterThanOrEqualTo(16_000);
    }

    @Test
    void aMarathonFiveWeeksOutIsRefusedWithTheClosestSafePlans() {
        CurrentFitness modest = new CurrentFitness(OptionalDouble.of(42), 20_000,
                List.of(new PastRun(TODAY.minusDays(2), 10_000), new PastRun(TODAY.minusDays(6), 6_000)), OptionalDouble.empty());
        LocalDate race = TODAY.plusWeeks(5).plusDays(3);
        PlanOutcome o = PlanGenerator.generate(new PlanRequest(race, 42_195, 4, DayOfWeek.SUNDAY, TODAY, UnitSystem.METRIC), modest);
        assertThat(o).isInstanceOf(PlanOutcome.Refused.class);
        PlanOutcome.Refused r = (PlanOutcome.Refused) o;
        assertThat(r.code()).isEqualTo("PLAN_TOO_CLOSE");
        assertThat(r.reason()).contains("5 full weeks", "20.0 km a week", "longest run 10.0 km", "marathon needs at least 12 weeks");
        TrainingPlan later = r.closestLater().orElseThrow();
        assertThat(later.request().raceDate()).isAfter(race).matches(d -> d.getDayOfWeek() == race.getDayOfWeek());
        assertThat(ChronoUnit.WEEKS.between(TODAY, later.request().raceDate())).isGreaterThanOrEqualTo(12);
        assertThat(later.peakLongRunM()).isGreaterThanOrEqualTo(29_000 * 0.97);
        assertThat(PlanGuardrails.check(later)).isEmpty();
        TrainingPlan shorter = r.shorterThatFits().orElseThrow();
        assertThat(shorter.request().raceDate()).isEqualTo(race);
        assertThat(shorter.request().raceDistanceM()).isLessThan(42_195);
    }

    @Test
    void aLongRunThatCannotGrowSafelyInTimeIsRefused() {
        CurrentFitness beginner = new CurrentFitness(OptionalDouble.empty(), 8_000,
                List.of(new PastRun(TODAY.minusDays(2), 4_000), new PastRun(TODAY.minusDays(4), 4_000)), OptionalDouble.empty());
        PlanOutcome o = PlanGenerator.generate(new PlanRequest(TODAY.plusWeeks(8).plusDays(3), 21_097.5, 4, DayOfWeek.SUNDAY, TODAY,
                UnitSystem.METRIC), beginner);
        PlanOutcome.Refused r = (PlanOutcome.Refused) o;
        assertThat(r.reason()).contains("long run can only grow safely", "from 4.0 km", "needs a long run of at least 16.0 km");
        // From 4 km even the longest runway (24 weeks) stays below 16 km, so the offer is a shorter race on the day:
        // not 10 km (in 8 weeks 4 km grows to at most 4 × 1.1^6 ≈ 7.1 km of the 10 km it needs) but 5 km (6 km needed).
        assertThat(r.closestLater()).isEmpty();
        assertThat(r.shorterThatFits()).hasValueSatisfying(p -> {
            assertThat(p.request().raceDistanceM()).isEqualTo(5_000);
            assertThat(PlanGuardrails.check(p)).isEmpty();
        });
        CurrentFitness building = new CurrentFitness(OptionalDouble.empty(), 20_000,
                List.of(new PastRun(TODAY.minusDays(2), 8_000)), OptionalDouble.empty());
        PlanOutcome.Refused soon = (PlanOutcome.Refused) PlanGenerator.generate(new PlanRequest(TODAY.plusWeeks(8).plusDays(3),
                21_097.5, 4, DayOfWeek.SUNDAY, TODAY, UnitSystem.METRIC), building);
        TrainingPlan later = soon.closestLater().orElseThrow();
        assertThat(later.peakLongRunM()).isGreaterThanOrEqualTo(16_000 * 0.97);
        assertThat(PlanGuardrails.check(later)).isEmpty();
    }

    @Test
    void withoutAVdotSessionsAreByEffortAndStillSafe() {
        CurrentFitness noVdot = new CurrentFitness(OptionalDouble.empty(), 30_000, REFERENCE.recentRuns(), OptionalDouble.empty());
        TrainingPlan p = ready(PlanGenerator.generate(new PlanRequest(HALF_DAY, 21_097.5, 4, DayOfWeek.SUNDAY, TODAY, UnitSystem.METRIC), noVdot));
        assertThat(p.sessions()).allMatch(s -> Double.isNaN(s.fastMps()));
        String all = PlanText.full(p, new Format(UnitSystem.METRIC, ZoneOffset.UTC));
        assertThat(all).contains("easy, conversational effort", "threshold effort").doesNotContain("/km");
    }

    @Test
    void imperialPlansUseHalfMileStepsAndTenthsBelowEightMiles() {
        TrainingPlan p = ready(PlanGenerator.generate(new PlanRequest(HALF_DAY, 21_097.5, 5, DayOfWeek.SATURDAY, TODAY,
                UnitSystem.IMPERIAL), REFERENCE));
        for (PlannedSession s : p.sessions()) {
            if (s.kind() != SessionKind.RACE) {
                double steps = s.distanceM() / (s.distanceM() < 8 * 1609.344 ? 160.9344 : 804.672);
                assertThat(steps).as("%s %s", s.kind(), s.date()).isCloseTo(Math.rint(steps), within(1e-6));
            }
        }
        assertThat(p.sessions()).filteredOn(s -> s.kind() == SessionKind.LONG).allMatch(s -> s.date().getDayOfWeek() == DayOfWeek.SATURDAY);
        assertThat(PlanText.full(p, new Format(UnitSystem.IMPERIAL, ZoneOffset.UTC))).contains(" mi").doesNotContain(" km");
    }

    @Test
    void sevenDaysAreSixAndTwoDaysAreRefusedWithAThreeDayPlan() {
        TrainingPlan six = ready(PlanGenerator.generate(new PlanRequest(HALF_DAY, 21_097.5, 7, DayOfWeek.SUNDAY, TODAY, UnitSystem.METRIC), REFERENCE));
        assertThat(six.notes()).anyMatch(n -> n.contains("keeps one full rest day"));
        assertThat(six.weeks()).allMatch(w -> w.sessions().size() <= 6);
        PlanOutcome.Refused two = (PlanOutcome.Refused) PlanGenerator.generate(
                new PlanRequest(HALF_DAY, 21_097.5, 2, DayOfWeek.SUNDAY, TODAY, UnitSystem.METRIC), REFERENCE);
        assertThat(two.code()).isEqualTo("PLAN_TOO_FEW_DAYS");
        assertThat(two.closestLater().orElseThrow().request().daysPerWeek()).isEqualTo(3);
    }

    @Test
    void ultrasAndPastDatesAreRefused() {
        assertThat(((PlanOutcome.Refused) PlanGenerator.generate(new PlanRequest(HALF_DAY, 50_000, 4, DayOfWeek.SUNDAY, TODAY,
                UnitSystem.METRIC), REFERENCE)).code()).isEqualTo("PLAN_DISTANCE_UNSUPPORTED");
        assertThat(((PlanOutcome.Refused) PlanGenerator.generate(new PlanRequest(TODAY, 10_000, 4, DayOfWeek.SUNDAY, TODAY,
                UnitSystem.METRIC), REFERENCE)).code()).isEqualTo("PLAN_DATE_PAST");
    }

    @Test
    void everyPlanOfAGridOfRunnersAndRequestsIsSafeOrRefused() {
        List<String> problems = new ArrayList<>();
        double[] distances = {5_000, 10_000, 21_097.5, 42_195};
        double[][] fitness = {{0, 0}, {10_000, 4_000}, {25_000, 10_000}, {50_000, 20_000}, {80_000, 32_000}};
        for (double d : distances) {
            for (double[] f : fitness) {
                CurrentFitness fit = new CurrentFitness(f[0] > 40_000 ? OptionalDouble.of(50) : OptionalDouble.empty(), f[0],
                        f[1] > 0 ? List.of(new PastRun(TODAY.minusDays(4), f[1])) : List.of(), OptionalDouble.empty());
                for (int days = 3; days <= 6; days++) {
                    for (int weeks : new int[] {3, 6, 10, 16, 30}) {
                        for (DayOfWeek longDay : new DayOfWeek[] {DayOfWeek.SUNDAY, DayOfWeek.WEDNESDAY}) {
                            PlanRequest req = new PlanRequest(TODAY.plusWeeks(weeks).plusDays(2), d, days, longDay, TODAY, UnitSystem.METRIC);
                            PlanOutcome o = PlanGenerator.generate(req, fit);
                            if (o instanceof PlanOutcome.Ready r && !PlanGuardrails.check(r.plan()).isEmpty()) {
                                problems.add(req + " " + PlanGuardrails.check(r.plan()));
                            }
                            if (o instanceof PlanOutcome.Ready r && r.plan().weeks().stream().anyMatch(w -> w.qualityCount() > 2)) {
                                problems.add(req + " more than two quality sessions");
                            }
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}
