package ai.pace42.bot.testing;

import ai.pace42.bot.BotCore;
import ai.pace42.bot.admin.AdminAllowList;
import ai.pace42.bot.conversation.FileAnalysis;
import ai.pace42.bot.data.LinkedSource;
import ai.pace42.bot.secrets.SecretStore;
import ai.pace42.coach.ChartImage;
import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.CoachService;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The real bot core on a fresh SQLite file with a real local secret store, as every adapter's tests use it, and a
 * coach whose answers show what it was asked. One test core for all platforms; each platform's fixtures only add
 * its own admin id and the length of its long answer.
 */
public final class TestCore implements AutoCloseable {

    /** The first bytes of a PNG: enough for every platform to upload it as an image. */
    public static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H',
            'D', 'R'};
    public static final String LONG_QUESTION = "Explain everything";

    public final Jdbi jdbi;
    public final SecretStore secrets;
    public final BotCore core;

    private TestCore(Jdbi jdbi, SecretStore secrets, BotCore core) {
        this.jdbi = jdbi;
        this.secrets = secrets;
        this.core = core;
    }

    /**
     * @param admin   the allow-list, e.g. {@code telegram:999}
     * @param workers conversations handled in parallel
     */
    public static TestCore start(Path dir, CoachService coach, String admin, int workers, FileAnalysis files) {
        Jdbi jdbi = TestDatabases.sqlite(dir);
        SecretStore secrets = TestSecretStores.local(jdbi, dir);
        BotCore core = BotCore.create(jdbi, sources -> coach, secrets, LinkedSource.none(), files,
                BotCore.Settings.defaults().withAdmins(AdminAllowList.parse(admin)).withWorkers(workers, 100),
                Clock.systemUTC());
        return new TestCore(jdbi, secrets, core);
    }

    /**
     * Echoes the question; "Analyze…" gets a caption-sized answer with a chart, as the real coach does;
     * {@link #LONG_QUESTION} gets {@code longAnswer}.
     */
    public static CoachService echoCoach(String longAnswer) {
        return question -> {
            if (question.text().startsWith("Analyze")) {
                return new CoachAnswer("**Last run**: 8.0 km at 5:12 /km",
                        List.of(new ChartImage(PNG, "Pace chart")));
            }
            if (question.text().equals(LONG_QUESTION)) {
                return CoachAnswer.text(longAnswer);
            }
            return CoachAnswer.text("You asked: " + question.text());
        };
    }

    /** Paragraphs of words, about {@code chars} long, so splitting has boundaries to choose from. */
    public static String paragraphs(int chars) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        while (sb.length() < chars) {
            sb.append("Paragraph ").append(++n).append(": easy runs build the aerobic base that races are made of. ")
                    .append("Keep most of your week conversational and save the hard efforts for one or two days.")
                    .append("\n\n");
        }
        return sb.toString().strip();
    }

    @Override
    public void close() {
        core.close();
    }
}
