package ai.pace42.bot.memory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The last turns of one account's conversation with the coach (table {@code llm_conversation}), so a follow-up
 * ("and the one before?", "why?") is understood. Only the runner's words and the coach's final answers are kept,
 * capped in length, and only the newest {@code window} of them: older ones are deleted as new ones arrive.
 */
public final class ConversationMemory {

    /** One remembered message. */
    public record Turn(Role role, String content) {
    }

    public enum Role { USER, ASSISTANT }

    /** Longer messages are cut: a pasted essay must not fill every later prompt. */
    public static final int MAX_CHARS = 1_500;

    private final Jdbi jdbi;
    private final Clock clock;
    private final int window;

    public ConversationMemory(Jdbi jdbi, Clock clock, int window) {
        if (window < 2) {
            throw new IllegalArgumentException("a conversation window holds at least one exchange");
        }
        this.jdbi = jdbi;
        this.clock = clock;
        this.window = window;
    }

    /** Adds a question and its answer, then drops what falls out of the window. */
    public void remember(String accountId, String question, String answer) {
        jdbi.useTransaction(h -> {
            long next = h.createQuery("SELECT COALESCE(MAX(seq), 0) FROM llm_conversation WHERE account_id = :a")
                    .bind("a", accountId).mapTo(Long.class).one() + 1;
            long at = clock.millis();
            insert(h, accountId, next, "user", question, at);
            insert(h, accountId, next + 1, "assistant", answer, at);
            h.createUpdate("DELETE FROM llm_conversation WHERE account_id = :a AND seq <= :oldest")
                    .bind("a", accountId).bind("oldest", next + 1 - window).execute();
        });
    }

    private static void insert(org.jdbi.v3.core.Handle h, String accountId, long seq, String role, String content,
                               long at) {
        h.createUpdate("INSERT INTO llm_conversation (account_id, seq, role, content, at) "
                        + "VALUES (:a, :seq, :role, :content, :at)")
                .bind("a", accountId).bind("seq", seq).bind("role", role).bind("content", cap(content))
                .bind("at", at).execute();
    }

    /** The remembered turns, oldest first. */
    public List<Turn> recent(String accountId) {
        List<Turn> newestFirst = jdbi.withHandle(h -> h.createQuery(
                        "SELECT role, content FROM llm_conversation WHERE account_id = :a ORDER BY seq DESC LIMIT :n")
                .bind("a", accountId).bind("n", window)
                .map((rs, ctx) -> new Turn("user".equals(rs.getString(1)) ? Role.USER : Role.ASSISTANT,
                        rs.getString(2)))
                .list());
        List<Turn> out = new ArrayList<>(newestFirst);
        Collections.reverse(out);
        return out;
    }

    /** Forgets the whole conversation; returns how many messages were deleted. */
    public int forget(String accountId) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM llm_conversation WHERE account_id = :a")
                .bind("a", accountId).execute());
    }

    private static String cap(String s) {
        return s.length() <= MAX_CHARS ? s : s.substring(0, MAX_CHARS) + "…";
    }
}
