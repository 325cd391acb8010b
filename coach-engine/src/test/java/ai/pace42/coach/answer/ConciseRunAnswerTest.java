package ai.pace42.coach.answer;

import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.AthleteProfile;
import ai.pace42.coach.model.Sourced;
import org.junit.jupiter.api.Test;

import java.util.List;

import static ai.pace42.coach.Fixtures.TODAY;
import static ai.pace42.coach.Fixtures.ask;
import static ai.pace42.coach.Fixtures.easy;
import static ai.pace42.coach.Fixtures.goldenProfile;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Analyze my last run" answers for a phone screen: the session, two numbers, the next step and the chart, at most
 * 700 characters; "details" / "more" or "… in detail" gives the full breakdown of the same run.
 */
class ConciseRunAnswerTest {

    /** Ten easy hour-long runs, 5:40 /km at 138 bpm, over five weeks: enough for the coach to read effort. */
    private static List<Activity> easyWeeks() {
        return java.util.stream.IntStream.range(0, 10)
                .mapToObj(i -> easy("e" + i, TODAY.minusDays(1 + 4L * i), 60, 340, 138)).toList();
    }

    @Test
    void theFirstReplyIsConciseWithTheChartAndTheFullBreakdownAsItsDetails() {
        CoachAnswer a = ask(goldenProfile(), easyWeeks(), "Analyze my last run");

        assertThat(a.text().length()).isLessThanOrEqualTo(700);
        assertThat(a.text()).startsWith("**Easy run**, Wed 25 Nov (").contains("in 1:00:00", "5:40 /km", "138 bpm", "**Next:**",
                "Reply \"details\"");
        assertThat(a.text()).doesNotContain("**Full description**", "Splits per");
        assertThat(a.charts()).hasSize(1);
        assertThat(a.details()).get().asString().contains("**Coach observations**", "**Next execution cue:**",
                "**Full description**", "Splits per km");
    }

    @Test
    void detailsOrMoreOrInDetailGiveTheFullBreakdownOfTheRun() {
        for (String q : List.of("details", "more", "Analyze my last run in detail", "full breakdown")) {
            CoachAnswer a = ask(goldenProfile(), easyWeeks(), q);
            assertThat(a.text()).as(q).contains("**Coach observations**", "**Full description**", "Splits per km", "5:40 /km");
        }
    }

    @Test
    void aThresholdTheRunnerSetIsCalledTheirsAndSaysWhereItCameFrom() {
        AthleteProfile own = AthleteProfile.unknown().withMaxHeartRate(Sourced.userSet(188.0))
                .withVdot(Sourced.userSet(49.8));

        CoachAnswer a = ask(own, easyWeeks(), "Analyze my last run");

        // 78% of 188 = 146.6, shown as 147 bpm.
        assertThat(a.text()).contains("under 147 bpm (78% of your max HR 188 bpm, set by you)");
        assertThat(a.details()).get().asString().contains("Thresholds used: max HR 188 bpm (set by you)");
    }

    @Test
    void aThresholdFromHistorySaysHowMuchHistory() {
        CoachAnswer a = ask(AthleteProfile.unknown(), easyWeeks(), "details");

        // The ten runs start 36 days apart: 5 whole weeks.
        assertThat(a.text()).contains("(estimated from your 10 runs over 5 weeks)");
    }

    @Test
    void oneFileWithoutAProfileSaysEffortIsUnknownAndHowToUnlockIt() {
        CoachAnswer a = ask(AthleteProfile.unknown(), List.of(easy("one", TODAY, 40, 330, 150)), "Analyze my last run");

        assertThat(a.text().length()).isLessThanOrEqualTo(700);
        assertThat(a.text()).contains("Effort unknown", "is only a lower bound of your maximum", "/profile max-hr")
                .doesNotContain("your easy ceiling");
    }
}
