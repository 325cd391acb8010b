package ai.pace42.coach;

import java.util.List;

/**
 * The port through which the chat core asks the coach a question. Implementations must not throw for
 * ordinary bad data: an honest answer ("I couldn't load your newest run") is still an answer.
 */
public interface CoachService {

    CoachAnswer answer(CoachQuestion question);

    /** A few questions this coach answers well, shown in /start and /help so runners know what to ask. */
    default List<String> exampleQuestions() {
        return List.of("Analyze my last run", "How is my fitness trending?", "What should I run tomorrow?");
    }
}
