package ai.pace42.bot.conversation;

import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.CoachQuestion;
import ai.pace42.coach.model.ActivitySource;

/**
 * The core's one coach stack (question gate, plan coach, and the configured coach behind it), asked with
 * {@code runsOfThisTurn} standing in for the account's runs for one answer: how an uploaded file is analysed,
 * counted and compared with the plan like any other question, without building a second stack.
 */
@FunctionalInterface
public interface TurnCoach {

    CoachAnswer answer(CoachQuestion question, ActivitySource runsOfThisTurn);
}
