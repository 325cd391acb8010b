package ai.pace42.coach.plan;

import ai.pace42.coach.DeterministicCoach;
import ai.pace42.coach.UnitSystem;
import ai.pace42.coach.fitness.ThresholdResolver;
import ai.pace42.coach.fitness.TrainingHistory;
import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.ActivityHeader;
import ai.pace42.coach.model.ActivitySource;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The runner's analysed history for planning and tracking, read the way the coach reads it (same window, same
 * threshold resolution), from run summaries: a plan needs distances and VDOT, not samples.
 */
public final class PlanHistory {

    private PlanHistory() {
    }

    public static TrainingHistory load(ActivitySource source, Instant now, ZoneId zone, UnitSystem units) {
        List<ActivityHeader> headers = source.list(now.minus(DeterministicCoach.HISTORY), now.plusSeconds(1));
        List<Activity> runs = new ArrayList<>(headers.size());
        for (ActivityHeader h : headers) {
            source.summary(h.id()).ifPresent(runs::add);
        }
        return TrainingHistory.analyse(runs, ThresholdResolver.resolve(source.profile(), runs), zone, units);
    }
}
