package ai.pace42.bot.data;

import ai.pace42.coach.model.ActivitySourceResolver;
import java.time.Duration;
import java.util.Optional;

/**
 * The runs an account imported from activity files (chat uploads, zips, a Garmin export). {@link #resolve} is empty
 * while the account has imported nothing, so a runner without files keeps the "no data yet" answers.
 */
public interface ImportedFiles extends ActivitySourceResolver {

    /**
     * Two runs that started this close are one run recorded twice (a FIT and a GPX of it, or a file and Garmin's
     * copy): the pairing rule of real-recordings.md §6.1.
     */
    Duration SAME_RUN = Duration.ofSeconds(300);

    /** For /status, e.g. "12 runs imported (from 2025-03 to 2026-05)"; empty when nothing was imported. */
    Optional<String> describe(String accountId);

    /** Deletes the account's imported runs. */
    void forget(String accountId);

    static ImportedFiles none() {
        return new ImportedFiles() {
            @Override
            public Optional<ai.pace42.coach.model.ActivitySource> resolve(String accountId) {
                return Optional.empty();
            }

            @Override
            public Optional<String> describe(String accountId) {
                return Optional.empty();
            }

            @Override
            public void forget(String accountId) {
                // nothing is stored
            }
        };
    }
}
