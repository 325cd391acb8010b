package ai.pace42.coach.answer;

import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.AthleteProfile;
import ai.pace42.coach.sample.RunSynthesizer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static ai.pace42.coach.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Whole answers for the cases the real recordings exposed: tiny files and first uploads without a profile. */
class HonestReportTest {

    @Test
    void aFourteenSecondFileIsTooShortToAnalyseAndNothingElse() {
        Activity tiny = RunSynthesizer.seeded(41).segment(14.0 / 60, 400, 100, 100).build("tiny", "test", at(TODAY, 7));
        CoachAnswer a = ask(AthleteProfile.unknown(), List.of(tiny), "analyze my last run");
        assertThat(a.text()).contains("Too short to analyse: 14 s and")
                .doesNotContain("0:00").doesNotContain("0.0 km").doesNotContain("Next execution cue");
    }

    @Test
    void aFirstUploadWithoutProfileNeverCallsItsOwnHeartRateAThreshold() {
        Activity run = build(RunSynthesizer.seeded(42).initialHr(130).segment(9, 330, 128, 134), "nine", TODAY);
        CoachAnswer a = ask(AthleteProfile.unknown(), List.of(run), "analyze my last run");
        assertThat(a.text()).doesNotContain("of your LTHR").doesNotContain("your easy ceiling")
                .doesNotContain("against your").doesNotContainIgnoringCase("unknown pace")
                .contains("Steady run").contains("is only a lower bound of your maximum");
    }
}
