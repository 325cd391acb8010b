package ai.pace42.slack;

import ai.pace42.bot.conversation.FileAnalysis;
import ai.pace42.bot.testing.TestCore;
import ai.pace42.coach.CoachService;
import java.nio.file.Path;

/** Slack's part of the shared test core: its admin and the length of its long answer. */
final class Fixtures {

    static final String ADMIN = "slack:" + SlackApiStub.TEAM + ":UADMIN";
    static final String LONG_ANSWER = TestCore.paragraphs(7_000);
    static final CoachService ECHO_COACH = TestCore.echoCoach(LONG_ANSWER);

    private Fixtures() {
    }

    static TestCore core(Path dir, CoachService coach) {
        return core(dir, coach, 4);
    }

    static TestCore core(Path dir, CoachService coach, int workers) {
        return core(dir, coach, workers, FileAnalysis.none());
    }

    static TestCore core(Path dir, CoachService coach, int workers, FileAnalysis files) {
        return TestCore.start(dir, coach, ADMIN, workers, files);
    }
}
