package ai.pace42.coach.fitness;

import ai.pace42.coach.UnitSystem;
import ai.pace42.coach.analysis.RunAnalysis;
import ai.pace42.coach.analysis.RunAnalyzer;
import ai.pace42.coach.analysis.RunContext;
import ai.pace42.coach.analysis.SessionType;
import ai.pace42.coach.analysis.Thresholds;
import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.AthleteProfile;
import ai.pace42.coach.model.LapIntensity;
import ai.pace42.coach.model.ValueSource;
import ai.pace42.coach.sample.RunSynthesizer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static ai.pace42.coach.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Thresholds are "yours" only from the runner or from enough history, never from the one file being analysed. */
class ThresholdsFromHistoryTest {

    static Activity fiveK(long seed) {
        return build(RunSynthesizer.seeded(seed).initialHr(150).paceNoise(0.003)
                .distance(5000, 250, 170, 182, 0, LapIntensity.UNKNOWN), "5k-" + seed, TODAY);
    }

    @Test
    void oneFileGivesNoMaxHrNoVdotAndSoNoEasyCeilingOrRaceVerdict() {
        Activity only = fiveK(1);
        Thresholds th = ThresholdResolver.resolve(AthleteProfile.unknown(), List.of(only));
        assertThat(th.maxHr()).isEmpty();
        assertThat(th.vdot()).isEmpty();
        assertThat(th.easyCeilingHr()).isEmpty();
        assertThat(th.effectiveLthr()).isEmpty();
        RunAnalysis r = RunAnalyzer.analyze(only, th, RunContext.none(), UnitSystem.METRIC);
        assertThat(r.type()).isNotEqualTo(SessionType.RACE);
        assertThat(r.classification().reason()).doesNotContain("your easy ceiling").doesNotContain("against your");
    }

    @Test
    void eightRunsOverFourWeeksAllowLabelledEstimates() {
        List<Activity> runs = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            runs.add(easy("e" + k, TODAY.minusDays(28 - 4L * k), 45, 330, 140 + k));
        }
        Thresholds th = ThresholdResolver.resolve(AthleteProfile.unknown(), runs);
        assertThat(th.maxHr()).isPresent();
        assertThat(th.maxHr().get().source()).isEqualTo(ValueSource.ESTIMATED);
        assertThat(th.vdot()).isPresent();
        // Seven runs, or eight within three weeks, are not enough.
        assertThat(ThresholdResolver.enoughHistory(runs.subList(1, 8))).isFalse();
        List<Activity> short3Weeks = new ArrayList<>(runs.subList(1, 8));
        short3Weeks.add(easy("x", TODAY.minusDays(3), 45, 330, 140));
        assertThat(ThresholdResolver.enoughHistory(short3Weeks)).isFalse();
    }

    @Test
    void aRunIsNeverCalledARaceAgainstAVdotEstimatedFromItself() {
        List<Activity> runs = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            runs.add(easy("e" + k, TODAY.minusDays(35 - 4L * k), 45, 360, 140));
        }
        Activity best = fiveK(2);
        runs.add(best);
        Thresholds th = ThresholdResolver.resolve(AthleteProfile.unknown(), runs);
        RunAnalysis r = RunAnalyzer.analyze(best, th, RunContext.none(), UnitSystem.METRIC);
        assertThat(r.type()).isNotEqualTo(SessionType.RACE);
        assertThat(r.classification().reason()).doesNotContain("against your");
    }
}
