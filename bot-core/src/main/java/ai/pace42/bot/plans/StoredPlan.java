package ai.pace42.bot.plans;

import ai.pace42.coach.plan.TrainingPlan;

/** A plan as stored: its id and status beside the plan itself. */
public record StoredPlan(String id, String accountId, Status status, TrainingPlan plan) {

    public enum Status { ACTIVE, PAUSED, ARCHIVED }
}
