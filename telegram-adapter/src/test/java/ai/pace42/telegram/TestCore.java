package ai.pace42.telegram;

import ai.pace42.bot.BotCore;
import ai.pace42.bot.admin.AdminAllowList;
import ai.pace42.bot.conversation.FileAnalysis;
import ai.pace42.bot.data.LinkedSource;
import ai.pace42.bot.secrets.KeyEncryptionKey;
import ai.pace42.bot.secrets.LocalSecretStore;
import ai.pace42.bot.persistence.JdbiSetup;
import ai.pace42.bot.persistence.Migrations;
import ai.pace42.bot.persistence.SqliteSettings;
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
    static final String LONG_QUESTION = "Explain everything";
    static final String LONG_ANSWER = ParagraphText.of(10_000);

    /** Echoes the question; "Analyze…" gets a caption-sized answer with a chart, as the real coach does. */
    static final CoachService ECHO_COACH = question -> {
        if (question.text().startsWith("Analyze")) {
            return new CoachAnswer("**Last run**: 8.0 km at 5:12 /km", List.of(new ChartImage(PNG, "Pace chart")));
        }
        if (question.text().equals(LONG_QUESTION)) {
            return CoachAnswer.text(LONG_ANSWER);
        }
        return CoachAnswer.text("You asked: " + question.text());
    };

    private TestCore() {
    }

    static Jdbi sqlite(Path dir) {
        DataSource ds = SqliteSettings.dataSource(dir.resolve("pace42-telegram-test.db"));
        Migrations.migrate(ds);
        return JdbiSetup.configure(Jdbi.create(ds));
    }

    static BotCore create(Path dir, CoachService coach) {
        return create(dir, coach, FileAnalysis.none());
    }

    /** With {@code files} answering activity files sent in chat. */
    static BotCore create(Path dir, CoachService coach, FileAnalysis files) {
        Jdbi jdbi = sqlite(dir);
        return BotCore.create(jdbi, sources -> coach, secrets(jdbi, dir), LinkedSource.none(), files,
                BotCore.Settings.defaults().withAdmins(AdminAllowList.parse("telegram:999")).withWorkers(4, 100),
                Clock.systemUTC());
    }

    /** A real local secret store keyed by a fresh key file; the core needs one for /link and /unlink. */
    static LocalSecretStore secrets(Jdbi jdbi, Path dir) {
        return LocalSecretStore.open(jdbi, KeyEncryptionKey.createFile(dir.resolve("secret-" + System.nanoTime() + ".key")),
                Clock.systemUTC());
    }
}
