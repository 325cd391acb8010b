package ai.pace42.slack;

import ai.pace42.bot.BotCore;
import ai.pace42.bot.admin.AdminAllowList;
import ai.pace42.bot.conversation.FileAnalysis;
import ai.pace42.bot.data.LinkedSource;
import ai.pace42.bot.persistence.JdbiSetup;
import ai.pace42.bot.persistence.Migrations;
import ai.pace42.bot.persistence.SqliteSettings;
import ai.pace42.bot.secrets.KeyEncryptionKey;
import ai.pace42.bot.secrets.LocalSecretStore;
import ai.pace42.bot.secrets.SecretStore;
import ai.pace42.coach.ChartImage;
import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.CoachService;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/** The real bot core on a fresh SQLite file, with a coach whose answers show what it was asked. */
final class TestCore {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final String ADMIN = "slack:" + SlackApiStub.TEAM + ":UADMIN";
    static final String LONG_QUESTION = "Explain everything";
    static final String LONG_ANSWER = paragraphs(7_000);

    /** Echoes the question; "Analyze…" gets a chart; the long question a 7,000-character answer. */
    static final CoachService ECHO_COACH = question -> {
        if (question.text().startsWith("Analyze")) {
            return new CoachAnswer("**Last run**: 8.0 km at 5:12 /km", List.of(new ChartImage(PNG, "Pace chart")));
        }
        if (question.text().equals(LONG_QUESTION)) {
            return CoachAnswer.text(LONG_ANSWER);
        }
        return CoachAnswer.text("You asked: " + question.text());
    };

    final Jdbi jdbi;
    final SecretStore secrets;
    final BotCore core;

    private TestCore(Jdbi jdbi, SecretStore secrets, BotCore core) {
        this.jdbi = jdbi;
        this.secrets = secrets;
        this.core = core;
    }

    static TestCore create(Path dir, CoachService coach) {
        return create(dir, coach, 4);
    }

    static TestCore create(Path dir, CoachService coach, int workers) {
        return create(dir, coach, workers, FileAnalysis.none());
    }

    /** With {@code files} answering activity files sent in chat. */
    static TestCore create(Path dir, CoachService coach, int workers, FileAnalysis files) {
        DataSource ds = SqliteSettings.dataSource(dir.resolve("pace42-slack-test-" + System.nanoTime() + ".db"));
        Migrations.migrate(ds);
        Jdbi jdbi = JdbiSetup.configure(Jdbi.create(ds));
        LocalSecretStore secrets = LocalSecretStore.open(jdbi,
                KeyEncryptionKey.createFile(dir.resolve("secret-" + System.nanoTime() + ".key")), Clock.systemUTC());
        BotCore core = BotCore.create(jdbi, sources -> coach, secrets, LinkedSource.none(), files,
                BotCore.Settings.defaults().withAdmins(AdminAllowList.parse(ADMIN)).withWorkers(workers, 100),
                Clock.systemUTC());
        return new TestCore(jdbi, secrets, core);
    }

    /** Paragraphs of words, {@code length} characters in all. */
    static String paragraphs(int length) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        while (sb.length() < length) {
            sb.append(n % 7 == 6 ? "\n\n" : " ").append("word").append(n++);
        }
        return sb.substring(0, length).strip();
    }
}
