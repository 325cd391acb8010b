package ai.pace42.coach.plan;

import java.util.Optional;

/** A plan, or a refusal that says why and offers the closest safe plan when there is one. */
public sealed interface PlanOutcome {

    record Ready(TrainingPlan plan) implements PlanOutcome {
    }

    /**
     * @param code             stable reason code (PLAN_TOO_CLOSE, PLAN_DISTANCE_UNSUPPORTED, PLAN_DATE_PAST, ...)
     * @param reason           the reason in words, with the numbers behind it
     * @param closestLater     the same race on the earliest later date a safe plan reaches
     * @param shorterThatFits  a shorter standard race a safe plan reaches on the asked date
     */
    record Refused(String code, String reason, Optional<TrainingPlan> closestLater,
                   Optional<TrainingPlan> shorterThatFits) implements PlanOutcome {
    }
}
