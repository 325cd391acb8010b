package ai.pace42.coach.fitness;

import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.AthleteProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static ai.pace42.coach.Fixtures.TODAY;
import static ai.pace42.coach.Fixtures.easy;
import static ai.pace42.coach.Fixtures.goldenProfile;
import static ai.pace42.coach.Fixtures.history;
import static org.assertj.core.api.Assertions.assertThat;

/** One short run is no base: the advisor prescribes easy running and says why, whatever the profile says. */
class ThinHistoryAdviceTest {

    @Test
    void aSingleNineMinuteRunGetsEasyAdviceWithTheReason() {
        TrainingHistory h = history(AthleteProfile.unknown(), List.of(easy("nine", TODAY.minusDays(3), 9, 330, 140)));

        Recommendation rec = NextRunAdvisor.advise(h, TODAY, Double.NaN);

        assertThat(rec.kind()).isEqualTo(NextSession.EASY);
        assertThat(rec.kind().quality()).isFalse();
        assertThat(String.join("; ", rec.reasons())).contains("only 1 run (9 min of running)", "8 runs over 4 weeks");
    }

    @Test
    void evenAFullProfileDoesNotMakeThreeRunsABase() {
        List<Activity> three = IntStream.range(0, 3).mapToObj(i -> easy("r" + i, TODAY.minusDays(3 + 3L * i), 40, 330, 140))
                .toList();

        Recommendation rec = NextRunAdvisor.advise(history(goldenProfile(), three), TODAY, Double.NaN);

        assertThat(rec.kind().quality()).isFalse();
        assertThat(String.join("; ", rec.reasons())).contains("only 3 runs over 7 days");
    }

    @Test
    void enoughHistoryStillEarnsAQualitySession() {
        // Ten easy runs every four days over five weeks, the last three days ago: nothing hard, nothing recent.
        List<Activity> ten = IntStream.range(0, 10).mapToObj(i -> easy("r" + i, TODAY.minusDays(3 + 4L * i), 45, 330, 140))
                .toList();

        Recommendation rec = NextRunAdvisor.advise(history(goldenProfile(), ten), TODAY, Double.NaN);

        assertThat(rec.reasons()).noneMatch(r -> r.contains("builds the base"));
    }
}
