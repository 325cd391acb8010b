package ai.pace42.coach.fitness;

import ai.pace42.coach.analysis.RunAnalysis;
import ai.pace42.coach.analysis.SessionType;
import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.AthleteProfile;
import ai.pace42.coach.model.Sourced;
import ai.pace42.coach.sample.RunSynthesizer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static ai.pace42.coach.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thresholds estimated from a runner's own easy runs are lower bounds (the VDOT of a jog is not the runner's VDOT,
 * the highest HR of easy runs is not their max), so an intensity read against them alone must stay humble: the
 * runs they came from are steady or easy, never tempo, moderate or a race.
 */
class EstimatedThresholdsStayHumbleTest {

    /** Ten 50-minute runs at 5:40 /km and about 138 bpm over five weeks, the last one today. */
    static List<Activity> easyWeeks() {
        List<Activity> runs = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            runs.add(build(RunSynthesizer.seeded(100 + k).initialHr(132).paceNoise(0.01)
                    .segment(50, 340, 136, 140), "run" + k, TODAY.minusDays(35 - 35L * k / 9)));
        }
        return runs;
    }

    @Test
    void aFiveFortyRunAt138BpmIsNotTempoAgainstAVdotEstimatedFromTheSameRuns() {
        List<Activity> runs = easyWeeks();
        TrainingHistory h = history(AthleteProfile.unknown(), runs);
        assertThat(h.thresholds().vdot()).isPresent(); // the estimate exists: enough history
        for (Activity a : runs) {
            RunAnalysis r = analysed(h, a.id());
            assertThat(r.type()).as(a.id() + ": " + r.classification().reason())
                    .isIn(SessionType.STEADY, SessionType.EASY);
        }
        RunAnalysis last = analysed(h, "run9");
        assertThat(last.classification().reason()).doesNotContain("marathon-to-threshold");
    }

    @Test
    void theSameRunIsEasyAgainstTheRunnersOwnThreshold() {
        AthleteProfile told = AthleteProfile.unknown().withLactateThresholdHeartRate(Sourced.userSet(170.0));
        RunAnalysis last = analysed(history(told, easyWeeks()), "run9");
        // 138 bpm is under 89% of an LTHR of 170 (151 bpm).
        assertThat(last.type()).isEqualTo(SessionType.EASY);
    }

    @Test
    void aThresholdBlockConfirmedByTheRunnersOwnHeartRateIsStillTempo() {
        List<Activity> runs = easyWeeks();
        runs.add(build(RunSynthesizer.seeded(7).initialHr(125).segment(15, 340, 136, 140)
                .segment(25, 290, 160, 165).segment(10, 345, 145, 138), "tempo", TODAY));
        AthleteProfile told = AthleteProfile.unknown().withLactateThresholdHeartRate(Sourced.userSet(170.0));
        assertThat(analysed(history(told, runs), "tempo").type()).isEqualTo(SessionType.TEMPO);
        // Without the runner's threshold the same block is not called tempo from pace alone.
        assertThat(analysed(history(AthleteProfile.unknown(), runs), "tempo").type()).isNotEqualTo(SessionType.TEMPO);
    }
}
