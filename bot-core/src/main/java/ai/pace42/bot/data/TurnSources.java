package ai.pace42.bot.data;

import ai.pace42.coach.model.ActivitySource;
import ai.pace42.coach.model.ActivitySourceResolver;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The resolver the coach stack is built on: the account's data sources, except while one turn runs with runs of
 * its own (an uploaded file), when that account resolves to them. Keyed by account rather than by thread, because
 * a coach may resolve on its own threads (the LLM coach does); an account's messages are handled one at a time.
 */
public final class TurnSources implements ActivitySourceResolver {

    private final ActivitySourceResolver accounts;
    private final Map<String, ActivitySource> turns = new ConcurrentHashMap<>();

    public TurnSources(ActivitySourceResolver accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<ActivitySource> resolve(String accountId) {
        ActivitySource turn = turns.get(accountId);
        return turn != null ? Optional.of(turn) : accounts.resolve(accountId);
    }

    /** Runs {@code answer} with {@code runs} as the account's source, and restores the account's own after. */
    public <T> T during(String accountId, ActivitySource runs, Supplier<T> answer) {
        ActivitySource before = turns.put(accountId, runs);
        try {
            return answer.get();
        } finally {
            if (before == null) {
                turns.remove(accountId, runs);
            } else {
                turns.put(accountId, before);
            }
        }
    }
}
