package ai.pace42.discord;

import ai.pace42.bot.BotCore;
import ai.pace42.bot.admin.AdminAllowList;
import ai.pace42.bot.conversation.FileAnalysis;
import ai.pace42.bot.data.LinkedSource;
import ai.pace42.bot.testing.TestDatabases;
import ai.pace42.bot.testing.TestSecretStores;
import ai.pace42.coach.ChartImage;
import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.CoachService;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Jdbi;

/** The real bot core on a fresh SQLite file, with a coach whose answers show what it was asked. */
final class TestCore {

    static final String ADMIN_ID = "999000111222333444";
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final String LONG_QUESTION = "Explain everything";
    static final String LONG_ANSWER = paragraphs(6_000);

    /** Echoes the question; the long question gets a 6,000-character answer. */
    static final CoachService ECHO_COACH = question -> question.text().equals(LONG_QUESTION)
            ? CoachAnswer.text(LONG_ANSWER)
            : CoachAnswer.text("You asked: " + question.text());

    /** Files the core was asked to analyse, with their bytes. */
    static final List<byte[]> ANALYSED = new CopyOnWriteArrayList<>();

    /** Analyses any file into a short text with a chart, as the real file analysis does. */
    static final FileAnalysis FILES = (account, fileName, content, askedAt) -> {
        ANALYSED.add(content);
        return Optional.of(new CoachAnswer("**" + fileName + "**: 8.0 km at 5:12 /km",
                List.of(new ChartImage(PNG, "Pace chart"))));
    };

    private TestCore() {
    }

    static BotCore create(Path dir, CoachService coach) {
        return create(dir, coach, FILES);
    }

    /** With {@code files} answering activity files sent in chat. */
    static BotCore create(Path dir, CoachService coach, FileAnalysis files) {
        Jdbi jdbi = TestDatabases.sqlite(dir);
        return BotCore.create(jdbi, sources -> coach, TestSecretStores.local(jdbi, dir), LinkedSource.none(), files,
                BotCore.Settings.defaults().withAdmins(AdminAllowList.parse("discord:" + ADMIN_ID))
                        .withWorkers(4, 100),
                Clock.systemUTC());
    }

    /** Paragraphs of words, about {@code chars} long, so splitting has boundaries to choose from. */
    static String paragraphs(int chars) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        while (sb.length() < chars) {
            sb.append("Paragraph ").append(++n).append(": easy runs build the aerobic base that races are made of. ")
                    .append("Keep most of your week conversational and save the hard efforts for one or two days.")
                    .append("\n\n");
        }
        return sb.toString().strip();
    }
}
