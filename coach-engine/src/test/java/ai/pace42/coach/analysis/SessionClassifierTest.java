package ai.pace42.coach.analysis;

import ai.pace42.coach.Fixtures;
import ai.pace42.coach.fitness.TrainingHistory;
import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.LapIntensity;
import ai.pace42.coach.sample.RunSynthesizer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static ai.pace42.coach.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Each rule of the ordered decision list, with the golden profile (VDOT 49.8: T 4:16, M 4:32, I 3:56 /km). */
class SessionClassifierTest {

    static RunAnalysis only(Activity a) {
        return history(goldenProfile(), List.of(a)).runs().get(0);
    }

    @Test
    void unstructuredIntervalsAreFoundInThePaceTrace() {
        RunSynthesizer s = RunSynthesizer.seeded(21).initialHr(120).segment(12, 345, 135, 140);
        for (int k = 0; k < 5; k++) {
            s.segment(3, 236, 168, 176).segment(2, 390, 140, 135);
        }
        RunAnalysis r = only(build(s.segment(10, 350, 140, 130), "fartlek", TODAY.minusDays(1)));
        assertThat(r.type()).isEqualTo(SessionType.INTERVALS);
        assertThat(r.intervals().get().fromLaps()).isFalse();
        assertThat(r.intervals().get().reps()).hasSize(5);
        assertThat(r.intervals().get().recoveriesS()).hasSize(4).allSatisfy(rec -> assertThat(rec).isBetween(100.0, 140.0));
        assertThat(r.classification().reason()).contains("5 fast repetitions");
    }

    @Test
    void continuousThresholdBlockIsTempo() {
        RunAnalysis r = only(build(RunSynthesizer.seeded(22).initialHr(120).segment(15, 345, 135, 140)
                .segment(25, 258, 162, 166).segment(10, 350, 145, 135), "tempo", TODAY.minusDays(1)));
        assertThat(r.type()).isEqualTo(SessionType.TEMPO);
        assertThat(r.classification().reason()).contains("marathon-to-threshold pace");
        assertThat(r.paceZones().get().zones().get(2).seconds()).isGreaterThan(20 * 60);
    }

    @Test
    void steadilyFasterSplitsAreAProgression() {
        RunSynthesizer s = RunSynthesizer.seeded(23).initialHr(135).paceNoise(0.002);
        for (int k = 0; k < 8; k++) {
            s.distance(1000, 350 - k * 8, 138 + k * 2, 140 + k * 2, 0, LapIntensity.UNKNOWN);
        }
        RunAnalysis r = only(build(s, "prog", TODAY.minusDays(1)));
        assertThat(r.type()).isEqualTo(SessionType.PROGRESSION);
    }

    @Test
    void shortGentleRunAfterAHardDayIsRecovery() {
        Activity hard = build(RunSynthesizer.seeded(24).initialHr(160).segment(40, 262, 163, 166), "hard", TODAY.minusDays(2));
        Activity gentle = build(RunSynthesizer.seeded(25).initialHr(125).segment(30, 375, 128, 130), "gentle", TODAY.minusDays(1));
        TrainingHistory h = history(goldenProfile(), List.of(hard, gentle));
        assertThat(analysed(h, "hard").type().hard()).isTrue();
        assertThat(analysed(h, "gentle").type()).isEqualTo(SessionType.RECOVERY);
    }

    @Test
    void longThresholdFollowsTheRunnersOwnMedian() {
        Activity longish = build(RunSynthesizer.seeded(26).initialHr(140).segment(95, 345, 140, 143), "long", TODAY.minusDays(1));
        assertThat(only(longish).type()).isEqualTo(SessionType.LONG);
        Activity hour = build(RunSynthesizer.seeded(27).initialHr(140).segment(60, 345, 140, 142), "hour", TODAY.minusDays(1));
        assertThat(only(hour).type()).isEqualTo(SessionType.EASY);
    }

    @Test
    void untaggedAllOutTenKIsARaceButATempoTenKIsNot() {
        double racePace = ai.pace42.coach.analysis.Vdot.equivalentTimeS(50.0, 10_000) / 10;
        RunAnalysis race = only(build(RunSynthesizer.seeded(29).initialHr(150).paceNoise(0.003)
                .distance(10_000, racePace, 172, 182, 0, LapIntensity.UNKNOWN), "10k", TODAY.minusDays(1)));
        assertThat(race.type()).isEqualTo(SessionType.RACE);
        assertThat(race.classification().reason()).contains("not tagged as a race");
        double tPace = 1000 / ai.pace42.coach.analysis.TrainingPaces.forVdot(49.8).thresholdSpeed();
        RunAnalysis tempo = only(build(RunSynthesizer.seeded(30).initialHr(150).paceNoise(0.003)
                .distance(10_000, tPace, 165, 170, 0, LapIntensity.UNKNOWN), "t10k", TODAY.minusDays(1)));
        assertThat(tempo.type()).isEqualTo(SessionType.TEMPO);
    }

    @Test
    void withoutHeartRateOrPaceZonesARunIsSteadyAndSaysWhatItCannotJudge() {
        Activity a = RunSynthesizer.seeded(28).segment(40, 340, 140, 140).withoutHeartRate()
                .build("x", "test", at(TODAY, 7));
        RunAnalysis r = RunAnalyzer.analyze(a, Thresholds.none(), RunContext.none(), ai.pace42.coach.UnitSystem.METRIC);
        assertThat(r.type()).isEqualTo(SessionType.STEADY);
        assertThat(r.classification().reason()).contains("effort unknown without your max heart rate");
        assertThat(r.load().method()).isEqualTo(LoadMethod.NONE);
    }

    static RunAnalysis firstUpload(Activity a) {
        return RunAnalyzer.analyze(a, Thresholds.none(), RunContext.none(), ai.pace42.coach.UnitSystem.METRIC);
    }

    @Test
    void aNoisySteadyRunWithATrafficStopAndSurgesAfterItStaysSteady() {
        // 5% GPS-like pace noise, a 90-s stop at 20 min, and a 20-s surge after the restart.
        RunSynthesizer s = RunSynthesizer.seeded(31).initialHr(140).paceNoise(0.10).hrNoise(2).pause(20, 90)
                .segment(20, 330, 142, 145).segment(0.35, 270, 146, 148).segment(25, 330, 146, 150);
        RunAnalysis r = firstUpload(build(s, "noisy", TODAY));
        assertThat(r.type()).isEqualTo(SessionType.STEADY);
        assertThat(r.classification().reason()).contains("stops of 1 min 31 s in total excluded");
        assertThat(r.intervals().isKnown()).isFalse();
    }

    @Test
    void equalDistanceAutoLapsAreSplitsNeverReps() {
        // Alternating 1-km laps a little faster and slower: an auto-lap pattern, not a manual-lap session.
        RunSynthesizer s = RunSynthesizer.seeded(32).initialHr(140).withLaps().withoutHeartRate();
        for (int k = 0; k < 8; k++) {
            s.distance(1000, k % 2 == 0 ? 300 : 330, 140, 142, 0, LapIntensity.UNKNOWN);
        }
        Activity a = build(s, "autolaps", TODAY);
        assertThat(LapStructure.autoLapLike(a.laps())).isTrue();
        RunAnalysis r = firstUpload(a);
        assertThat(r.type()).isNotEqualTo(SessionType.INTERVALS);
        assertThat(r.classification().reason()).contains("8 equal laps read as auto-lap splits");
    }

    @Test
    void manualLapsAlternatingFastAndSlowAreReps() {
        RunSynthesizer s = RunSynthesizer.seeded(33).initialHr(120).withLaps().segment(10, 360, 125, 135);
        for (int k = 0; k < 6; k++) {
            s.distance(400, 230, 160, 172, 0, LapIntensity.UNKNOWN).segment(1.5, 420, 150, 140);
        }
        RunAnalysis r = firstUpload(build(s.segment(8, 370, 138, 130), "track", TODAY));
        assertThat(r.type()).isEqualTo(SessionType.INTERVALS);
        assertThat(r.intervals().get().fromLaps()).isTrue();
        assertThat(r.intervals().get().reps()).hasSize(6);
        assertThat(r.classification().reason()).contains("6 fast manual laps");
    }

    @Test
    void aFourteenSecondFileIsTooShortAndSaysWhy() {
        Activity a = RunSynthesizer.seeded(34).segment(14.0 / 60, 400, 100, 100).build("tiny", "test", at(TODAY, 7));
        RunAnalysis r = firstUpload(a);
        assertThat(r.type()).isEqualTo(SessionType.TOO_SHORT);
        assertThat(r.classification().reason()).startsWith("too short to analyse: 14 s and ")
                .contains("at least 5 minutes and 500 m");
    }

    @Test
    void walkingPaceWithoutARunningCadenceIsNotAnalysedAsARun() {
        // 25 minutes at 1.6 m/s (10:25/km), distance only, as a phone GPX of a walk would give.
        int n = 1501;
        double[] t = new double[n], d = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i;
            d[i] = 1.6 * i;
        }
        Activity a = new Activity("walk", "test", "", null, java.util.Optional.of(at(TODAY, 7)), null, null, null,
                null, ai.pace42.coach.model.Samples.builder(t).distance(d).build(), null, null);
        RunAnalysis r = firstUpload(a);
        assertThat(r.type()).isEqualTo(SessionType.OTHER_SPORT);
        assertThat(r.classification().reason()).contains("10:25/km is walking pace");
    }
}
