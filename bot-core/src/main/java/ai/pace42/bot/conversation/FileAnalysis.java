package ai.pace42.bot.conversation;

import ai.pace42.bot.account.Account;
import ai.pace42.coach.CoachAnswer;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/** Analyses an activity file (FIT, GPX, TCX) a runner sent in chat, as the coach would their last run. */
@FunctionalInterface
public interface FileAnalysis {

    /** The answer, or empty when this server cannot analyse files. Never throws for a bad file. */
    Optional<CoachAnswer> analyze(Account account, String fileName, byte[] content, Instant askedAt);

    /**
     * The answer from the core's one coach stack, asked with the upload's runs for this turn. An analysis that
     * reads files overrides this; the default ignores {@code coach} (analyses that answer by themselves).
     */
    default Optional<CoachAnswer> analyze(Account account, String fileName, byte[] content, Instant askedAt,
                                          TurnCoach coach) {
        return analyze(account, fileName, content, askedAt);
    }

    /**
     * As above, telling {@code progress} how far a long import has got (an archive of many files); the text is
     * ready for the runner. The default ignores it.
     */
    default Optional<CoachAnswer> analyze(Account account, String fileName, byte[] content, Instant askedAt,
                                          TurnCoach coach, Consumer<String> progress) {
        return analyze(account, fileName, content, askedAt, coach);
    }

    static FileAnalysis none() {
        return (account, fileName, content, askedAt) -> Optional.empty();
    }
}
