package ai.pace42.bot.conversation;

import ai.pace42.coach.CoachService;
import ai.pace42.coach.UnitSystem;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * A coach in front of another (plans, the question limit): warm-up, forgetting an account's answers, what it
 * understands and the examples are the wrapped coach's.
 */
public abstract class CoachDecorator implements CoachService {

    protected final CoachService coach;

    protected CoachDecorator(CoachService coach) {
        this.coach = coach;
    }

    @Override
    public final boolean warmUp(String accountId, UnitSystem units, ZoneId zone, Instant now) {
        return coach.warmUp(accountId, units, zone, now);
    }

    @Override
    public final void forget(String accountId) {
        coach.forget(accountId);
    }

    @Override
    public boolean understands(ai.pace42.coach.CoachQuestion question) {
        return coach.understands(question);
    }

    @Override
    public final List<String> exampleQuestions() {
        return coach.exampleQuestions();
    }
}
