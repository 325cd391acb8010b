package ai.pace42.coach;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The port through which the chat core asks the coach a question. Implementations must not throw for
 * ordinary bad data: an honest answer ("I couldn't load your newest run") is still an answer.
 */
public interface CoachService {

    CoachAnswer answer(CoachQuestion question);

    /**
     * Whether this coach has a proper answer for the question (a recognised intent), rather than its "here is what
     * I can answer" text. A coach that wraps another (an LLM, weather, plans) asks this to decide who answers;
     * decorators forward it and add what they recognise themselves. The default claims every question.
     */
    default boolean understands(CoachQuestion question) {
        return true;
    }

    /**
     * Prepares an account's history before its first question (e.g. right after the runner chooses a data
     * source), so that question is answered quickly. Returns true when something was prepared. Never throws.
     */
    default boolean warmUp(String accountId, UnitSystem units, ZoneId zone, Instant now) {
        return false;
    }

    /**
     * Drops whatever the coach keeps about an account (its data, source or settings changed, or it was deleted),
     * so nothing prepared before the change is answered after it. Never throws.
     */
    default void forget(String accountId) {
    }

    /** A few questions this coach answers well, shown in /start and /help so runners know what to ask. */
    default List<String> exampleQuestions() {
        return List.of("Analyze my last run", "How is my fitness trending?", "What should I run tomorrow?");
    }
}
