package ai.pace42.coach;

import ai.pace42.coach.analysis.GradeAdjustment;
import ai.pace42.coach.analysis.LoadMethod;
import ai.pace42.coach.analysis.QualityFlag;
import ai.pace42.coach.analysis.RunAnalysis;
import ai.pace42.coach.analysis.SessionFinding;
import ai.pace42.coach.analysis.SessionType;
import ai.pace42.coach.analysis.TrainingPaces;
import ai.pace42.coach.analysis.Vdot;
import ai.pace42.coach.answer.RunReport;
import ai.pace42.coach.fitness.NextRunAdvisor;
import ai.pace42.coach.fitness.NextSession;
import ai.pace42.coach.fitness.Recommendation;
import ai.pace42.coach.fitness.SpikeLevel;
import ai.pace42.coach.fitness.TimeOff;
import ai.pace42.coach.fitness.TrainingHistory;
import ai.pace42.coach.fitness.WeekSummary;
import ai.pace42.coach.fitness.LoadStatusCalculator;
import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.LapIntensity;
import ai.pace42.coach.model.SessionTags;
import ai.pace42.coach.sample.RunSynthesizer;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static ai.pace42.coach.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The ten golden analysis cases of coaching-science.md §8: numbers, what to say, what never to say. */
class GoldenCasesTest {

    static final List<String> GENERIC_PRAISE = List.of("great job", "awesome", "well done", "keep up the great work",
            "nice work", "amazing", "fantastic", "crushed it");

    private static void assertNoGenericPraise(String text) {
        for (String p : GENERIC_PRAISE) {
            assertThat(text.toLowerCase()).doesNotContain(p);
        }
    }

    /** Every observation bullet carries a concrete number. */
    private static void assertEveryBulletHasANumber(String text) {
        text.lines().filter(l -> l.startsWith("- ")).forEach(l -> assertThat(l).matches(".*\\d.*"));
    }

    @Test
    void case1_textbookEasyRunIsWellCoupled() {
        LocalDate day = TODAY.minusDays(1);
        Activity run = build(RunSynthesizer.seeded(1).initialHr(138)
                .segment(30, 340, 138, 138).segment(30, 340, 141, 141), "easy", day);
        TrainingHistory h = history(goldenProfile(), List.of(run));
        RunAnalysis r = analysed(h, "easy");

        assertThat(r.type()).isEqualTo(SessionType.EASY);
        assertThat(r.decoupling().get().percent()).isCloseTo(2.1, within(0.4));
        assertThat(r.decoupling().get().efFirstHalf()).isCloseTo(1.28, within(0.02));
        assertThat(r.decoupling().get().efSecondHalf()).isCloseTo(1.25, within(0.02));
        assertThat(r.hrZones().get().share(0, 1)).isGreaterThanOrEqualTo(0.95);

        String text = fullText(ask(goldenProfile(), List.of(run), "analyze my last run"));
        assertThat(text).contains("under 5%").contains("aerobic base holds").containsPattern("Split variation \\d\\.\\d% .*\\(excellent\\)");
        assertThat(text.toLowerCase()).doesNotContain("go faster").doesNotContain("speed up").doesNotContain("push the pace");
        assertNoGenericPraise(text);
        assertEveryBulletHasANumber(text);
    }

    @Test
    void case2_easyDayRunTooHardAfterIntervals() {
        LocalDate day = TODAY.minusDays(1);
        Activity intervals = intervalSession("intervals", day.minusDays(1));
        Activity grey = build(RunSynthesizer.seeded(2).initialHr(160).segment(45, 305, 161, 163)
                .tags(SessionTags.planned("easy")), "grey", day);
        List<Activity> runs = List.of(intervals, grey);
        RunAnalysis r = analysed(history(goldenProfile(), runs), "grey");

        assertThat(r.type()).isIn(SessionType.MODERATE, SessionType.TEMPO);
        assertThat(r.averageHr().get()).isCloseTo(162, within(1.5));
        assertThat(r.findings()).contains(SessionFinding.INTENSITY_MISMATCH, SessionFinding.BACK_TO_BACK_HARD);

        String text = fullText(ask(goldenProfile(), runs, "analyze my last run"));
        assertThat(text).contains("Intensity mismatch").contains("Back-to-back hard days").contains("Friel Z4");
        String eCeiling = new ai.pace42.coach.answer.Format(UnitSystem.METRIC, ZONE).pace(TrainingPaces.forVdot(49.8).easyFastSpeed());
        assertThat(text).contains("slower than " + eCeiling);
        assertThat(text.toLowerCase()).doesNotContain("progress").doesNotContain("personal best").doesNotContain("great pace");
        assertNoGenericPraise(text);
    }

    static Activity intervalSession(String id, LocalDate day) {
        RunSynthesizer s = RunSynthesizer.seeded(3).initialHr(120).withLaps().paceNoise(0.004)
                .segment(15, 340, 135, 140, 0, LapIntensity.WARMUP);
        double[] paces = {235, 236, 237, 236, 237, 237};
        for (int k = 0; k < 6; k++) {
            double peak = 176 + k * 7 / 5.0;
            s.distance(1000, paces[k], peak - 8, peak, 0, LapIntensity.ACTIVE);
            if (k < 5) {
                s.segment(2, 400, 140, 135, 0, LapIntensity.REST);
            }
        }
        return build(s.segment(10, 350, 140, 130, 0, LapIntensity.COOLDOWN), id, day);
    }

    @Test
    void case3_structuredIntervalsAreJudgedAsIntervals() {
        Activity run = intervalSession("reps", TODAY.minusDays(1));
        RunAnalysis r = analysed(history(goldenProfile(), List.of(run)), "reps");

        assertThat(r.type()).isEqualTo(SessionType.INTERVALS);
        assertThat(r.classification().confidence()).isGreaterThanOrEqualTo(0.9);
        var iv = r.intervals().get();
        assertThat(iv.fromLaps()).isTrue();
        assertThat(iv.reps()).hasSize(6);
        assertThat(iv.repPaceCv()).isLessThan(0.01);
        assertThat(iv.lastVsFirstPct()).isLessThanOrEqualTo(1.0);
        assertThat(iv.meanRepSpeed() / TrainingPaces.forVdot(49.8).intervalSpeed()).isCloseTo(1.0, within(0.03));
        assertThat(iv.reps().get(0).peakHr()).isCloseTo(176, within(3.0));
        assertThat(iv.reps().get(5).peakHr()).isCloseTo(183, within(3.0));
        assertThat(r.decoupling().isKnown()).isFalse();
        assertThat(iv.reps().get(0).hrDrop60s()).as("HR falls after each rep (recovery laps target 140 → 135)").isGreaterThan(20);

        String text = fullText(ask(goldenProfile(), List.of(run), "analyze my last run"));
        assertThat(text).contains("on your I target").contains("expected as fatigue builds").contains("in the first minute");
        assertThat(text.toLowerCase()).doesNotContain("uneven").doesNotContain("erratic").doesNotContain("inconsistent")
                .doesNotContain("decoupling 0").doesNotContain("Split variation");
        assertNoGenericPraise(text);
    }

    @Test
    void case4_hotLongRunDecouplesLate() {
        Activity run = build(RunSynthesizer.seeded(4).initialHr(145).distance(14_000, 350, 145, 145, 0, LapIntensity.UNKNOWN)
                .distance(14_000, 350, 158, 158, 0, LapIntensity.UNKNOWN).temperature(27), "hot", TODAY.minusDays(1));
        RunAnalysis r = analysed(history(goldenProfile(), List.of(run)), "hot");

        assertThat(r.type()).isEqualTo(SessionType.LONG);
        assertThat(r.movingS()).isCloseTo(2 * 3600 + 43 * 60, within(60.0));
        assertThat(r.decoupling().get().percent()).isCloseTo(8.2, within(0.4));
        assertThat(r.quality().has(QualityFlag.HOT)).isTrue();

        String text = fullText(ask(goldenProfile(), List.of(run), "analyze my last run"));
        assertThat(text).contains("5% guide").contains("heat").contains("fuelling").contains("cooler conditions");
        assertThat(text.toLowerCase()).doesNotContain("poor aerobic fitness").doesNotContain("aerobic fitness is poor");
        assertNoGenericPraise(text);
    }

    @Test
    void case5_hillyEasyRunIsJudgedByEffort() {
        assertThat(GradeAdjustment.minettiFactor(0.05)).isCloseTo(1.30, within(0.01));
        assertThat(GradeAdjustment.minettiFactor(-0.05)).isCloseTo(0.76, within(0.01));
        assertThat(410 / GradeAdjustment.minettiFactor(0.05)).isCloseTo(5 * 60 + 15, within(2.0));
        assertThat(320 / GradeAdjustment.minettiFactor(-0.05)).isCloseTo(6 * 60 + 59, within(2.0));

        List<Activity> runs = new ArrayList<>();
        for (int k = 3; k <= 9; k += 2) {
            runs.add(easyKm("flat" + k, TODAY.minusDays(k), 10, 340, 148));
        }
        Activity hilly = build(RunSynthesizer.seeded(5).initialHr(148).paceNoise(0)
                .distance(5000, 410, 148, 148, 0.05, LapIntensity.UNKNOWN)
                .distance(5000, 320, 148, 148, -0.05, LapIntensity.UNKNOWN), "hilly", TODAY.minusDays(1));
        runs.add(hilly);
        RunAnalysis r = analysed(history(goldenProfile(), runs), "hilly");

        assertThat(r.type()).isEqualTo(SessionType.EASY);
        assertThat(1000 / r.averageSpeed().get()).isCloseTo(6 * 60 + 5, within(2.0));
        double gapPace = 1000 / r.elevation().get().gradeAdjustedSpeed();
        assertThat(gapPace).isCloseTo(340, within(12.0)); // ≈ the usual flat easy pace of 5:40 /km

        String text = fullText(ask(goldenProfile(), runs, "analyze my last run"));
        assertThat(text).contains("terrain, not lost fitness").contains("grade-adjusted");
        assertThat(text.toLowerCase()).doesNotContain("slower than usual").doesNotContain("25 s/km");
    }

    @Test
    void case6_singleRunSpikeIsFlaggedWhateverTheWeeklyChange() {
        LocalDate sunday = LocalDate.of(2026, 11, 22);
        List<Activity> runs = new ArrayList<>();
        // Two weeks before: longest 14 km; last week 40 km; this week 43.2 km (+8%) including a 21 km run.
        runs.add(easyKm("w0-sun", sunday.minusDays(14), 13, 340, 140));
        runs.add(easyKm("w0-tue", sunday.minusDays(19), 8, 340, 140));
        runs.add(easyKm("w1-tue", sunday.minusDays(12), 8, 340, 140));
        runs.add(easyKm("w1-thu", sunday.minusDays(10), 10, 340, 140));
        runs.add(easyKm("w1-sat", sunday.minusDays(8), 8, 340, 140));
        runs.add(easyKm("w1-sun", sunday.minusDays(7), 14, 340, 140));
        runs.add(easyKm("w2-tue", sunday.minusDays(5), 8, 340, 140));
        runs.add(easyKm("w2-thu", sunday.minusDays(3), 8, 340, 140));
        runs.add(easyKm("w2-fri", sunday.minusDays(2), 6.2, 340, 140));
        runs.add(easyKm("spike", sunday, 21, 340, 142));
        TrainingHistory h = history(goldenProfile(), runs);
        RunAnalysis r = analysed(h, "spike");

        var spike = h.spikeCheck(r);
        assertThat(spike.longest30dM()).isCloseTo(14_000, within(10.0));
        assertThat(spike.increasePct()).isCloseTo(50, within(1.0));
        assertThat(spike.level()).isEqualTo(SpikeLevel.MODERATE);
        List<WeekSummary> weeks = LoadStatusCalculator.of(h, sunday).weeks();
        double ramp = weeks.get(weeks.size() - 1).distanceM() / weeks.get(weeks.size() - 2).distanceM() - 1;
        assertThat(ramp).isCloseTo(0.08, within(0.01));

        String text = fullText(ask(goldenProfile(), runs, "how was my run on 22 november"));
        assertThat(text).contains("50% longer than anything in the previous 30 days").contains("overuse injuries")
                .contains("24–48 hours").contains("next 2 runs easy").contains("10%");
        assertThat(text.toLowerCase()).doesNotContain("risk is fine").doesNotContain("low risk")
                .doesNotContain("under 10%, so").doesNotContain("weekly increase was under");
    }

    @Test
    void case7_halfMarathonWithPositiveSplit() {
        double half = 21_097.5 / 2;
        Activity race = build(RunSynthesizer.seeded(7).initialHr(150).paceNoise(0).tags(SessionTags.raceTag())
                .distance(half, 3030 / (half / 1000), 170, 175, 0, LapIntensity.UNKNOWN)
                .distance(half, 3300 / (half / 1000), 176, 179, 0, LapIntensity.UNKNOWN), "hm", TODAY.minusDays(1));
        TrainingHistory h = history(goldenProfile(), List.of(race));
        RunAnalysis r = analysed(h, "hm");

        assertThat(r.type()).isEqualTo(SessionType.RACE);
        assertThat(r.movingS()).isCloseTo(6330, within(2.0));
        assertThat(r.pacing().get().splitRatio()).isCloseTo(1.089, within(0.005));
        assertThat(Vdot.of(21_097.5, 6330)).isCloseTo(42.4, within(0.3));
        assertThat(r.load().value()).isGreaterThan(0);
        for (int d = 0; d < 5; d++) {
            Recommendation rec = NextRunAdvisor.advise(h, TODAY.plusDays(d), 0);
            assertThat(rec.kind().quality()).as("no hard workout %d days after the race", d + 1).isFalse();
        }

        String text = fullText(ask(goldenProfile(), List.of(race), "analyze my last run"));
        assertThat(text).contains("Congratulations").contains("9% slower").contains("start was too fast")
                .contains("VDOT of 42.4").contains("updated paces").contains("Recovery first");
        assertThat(text.toLowerCase()).doesNotContain("tempo");
        String cue = text.lines().filter(l -> l.startsWith("**Next execution cue:**")).findFirst().orElseThrow();
        assertThat(cue.toLowerCase()).doesNotContain("interval").doesNotContain("threshold").contains("no hard workout");
    }

    @Test
    void case8_returnAfterThreeWeekIllness() {
        assertThat(TimeOff.vdotFactor(21, false)).isEqualTo(0.952);
        assertThat(TimeOff.vdotFactor(24, false)).isBetween(0.931, 0.952).isCloseTo(0.943, within(0.001));

        LocalDate lastRun = TODAY.minusDays(24);
        List<Activity> runs = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            LocalDate sunday = lastRun.minusWeeks(w);
            runs.add(easyKm("s" + w, sunday, 18, 340, 142));
            runs.add(easyKm("f" + w, sunday.minusDays(2), 9, 340, 140));
            runs.add(easyKm("w" + w, sunday.minusDays(4), 10, 340, 140));
            runs.add(easyKm("t" + w, sunday.minusDays(5), 8, 340, 140));
        }
        String text = ask(goldenProfile(), runs, "Can I get back to 50 km this week?").text();
        assertThat(text).contains("**Not yet.**").contains("24 days ago").contains("0.943")
                .contains("18.0 km–22.5 km").contains("20–30-minute")
                .contains("Any remaining symptoms, such as fever, cough or chest symptoms?");
        assertThat(text.chars().filter(c -> c == '?').count()).as("at most one question").isEqualTo(1);
        assertThat(text).doesNotContain("**Yes").doesNotContain("Possible");
    }

    @Test
    void case9_stackedIntensityMeansEasyOrRestTomorrow() {
        LocalDate tue = LocalDate.of(2026, 11, 24), wed = tue.plusDays(1), thu = tue.plusDays(2), fri = tue.plusDays(3);
        Activity intervals = intervalSession("tue", tue);
        Activity tempo = build(RunSynthesizer.seeded(9).initialHr(130).paceNoise(0.005)
                .segment(10, 340, 135, 140).distance(8000, 256, 163, 167, 0, LapIntensity.UNKNOWN).segment(5, 350, 140, 135), "wed", wed);
        Activity moderate = build(RunSynthesizer.seeded(10).initialHr(155).distance(10_000, 300, 157, 159, 0, LapIntensity.UNKNOWN), "thu", thu);
        List<Activity> runs = List.of(intervals, tempo, moderate);
        TrainingHistory h = history(goldenProfile(), runs);
        assertThat(analysed(h, "tue").type()).isEqualTo(SessionType.INTERVALS);
        assertThat(analysed(h, "wed").type()).isEqualTo(SessionType.TEMPO);
        assertThat(analysed(h, "thu").type()).isEqualTo(SessionType.MODERATE);
        assertThat(LoadStatusCalculator.of(h, thu).weeks().get(0).highShare()).isGreaterThan(0.4);

        Recommendation rec = NextRunAdvisor.advise(h, fri, -32);
        assertThat(rec.kind()).isEqualTo(NextSession.REST_OR_EASY);
        assertThat(rec.minMinutes()).isEqualTo(30);
        assertThat(rec.maxMinutes()).isEqualTo(40);
        assertThat(rec.earliestQuality()).isAfterOrEqualTo(fri.plusDays(1));
        assertThat(String.join(" ", rec.reasons())).contains("3 moderate-to-hard days in a row").contains("-32").contains("below −30");

        // Low readiness and an unbalanced HRV are a modifier that is named in the reasons.
        var lowReadiness = java.util.Optional.of(new ai.pace42.coach.model.Readiness(fri, java.util.OptionalInt.of(28), "unbalanced"));
        Recommendation withReadiness = NextRunAdvisor.advise(h, fri, -32, lowReadiness);
        assertThat(withReadiness.kind()).isEqualTo(NextSession.REST_OR_EASY);
        assertThat(String.join(" ", withReadiness.reasons())).contains("readiness 28, HRV unbalanced");
        // Readiness alone (fresh form, no streak) is enough to keep quality off the day.
        Recommendation readinessOnly = NextRunAdvisor.advise(history(goldenProfile(), List.of(intervals)), tue.plusDays(4), 0, lowReadiness);
        assertThat(readinessOnly.kind().quality()).isFalse();

        String text = NextRunReportProbe.textFor(h, runs, thu);
        assertThat(text).contains("rest or an easy run").contains("no earlier than Sat 28 Nov");
        assertThat(text).doesNotContain(" × ").doesNotContain("interval pace").doesNotContain("threshold pace");
    }

    @Test
    void case10_hrLockedToCadenceFallsBackToPace() {
        Activity yesterday = easy("y", TODAY.minusDays(2), 40, 360, 135);
        Activity locked = build(RunSynthesizer.seeded(11).initialHr(120).segment(40, 360, 135, 135).hrLockedToCadenceFrom(3), "locked", TODAY.minusDays(1));
        List<Activity> runs = List.of(yesterday, locked);
        RunAnalysis r = analysed(history(goldenProfile(), runs), "locked");

        assertThat(r.quality().has(QualityFlag.HR_LOCKED_TO_CADENCE)).isTrue();
        assertThat(r.quality().hrReliable()).isFalse();
        assertThat(r.hrZones().isKnown()).isFalse();
        assertThat(r.decoupling().isKnown()).isFalse();
        assertThat(r.load().method()).isEqualTo(LoadMethod.PACE);

        String text = RunReport.textOnly(r, context(goldenProfile(), runs));
        assertThat(text).contains("HR likely locked to cadence").contains("estimated from pace").contains("chest strap");
        assertThat(text.toLowerCase()).doesNotContain("very hard").doesNotContain("z5").doesNotContain("fatigue");
    }
}
