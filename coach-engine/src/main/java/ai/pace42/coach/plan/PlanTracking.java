package ai.pace42.coach.plan;

import ai.pace42.coach.analysis.RunAnalysis;
import ai.pace42.coach.fitness.TrainingHistory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Matches runs to the planned session of their day (the runner's own calendar day). */
public final class PlanTracking {

    private PlanTracking() {
    }

    /** Distance run per day, from the coach's analysed history. */
    public static Map<LocalDate, Double> runsByDay(TrainingHistory history) {
        Map<LocalDate, Double> out = new LinkedHashMap<>();
        for (RunAnalysis r : history.runs()) {
            double d = Double.isNaN(r.distanceM()) ? 0 : r.distanceM();
            out.merge(history.dateOf(r), d, Double::sum);
        }
        return out;
    }

    public static List<SessionResult> results(TrainingPlan plan, Map<LocalDate, Double> runs, LocalDate today) {
        List<SessionResult> out = new ArrayList<>();
        for (PlannedSession s : plan.sessions()) {
            double actual = runs.getOrDefault(s.date(), 0.0);
            SessionResult.Status status;
            if (actual <= 0) {
                status = s.date().isBefore(today) ? SessionResult.Status.MISSED : SessionResult.Status.UPCOMING;
            } else {
                status = actual >= SessionResult.DONE_SHARE * s.distanceM() ? SessionResult.Status.DONE : SessionResult.Status.PARTIAL;
            }
            out.add(new SessionResult(s, status, actual));
        }
        for (Map.Entry<LocalDate, Double> e : runs.entrySet()) {
            LocalDate day = e.getKey();
            boolean inPlan = !day.isBefore(plan.start()) && !day.isAfter(plan.request().raceDate());
            if (inPlan && plan.on(day).isEmpty() && e.getValue() > 0) {
                out.add(new SessionResult(PlannedSession.easy(day, SessionKind.EASY, 0, Double.NaN, Double.NaN, false),
                        SessionResult.Status.EXTRA, e.getValue()));
            }
        }
        return out;
    }

    /** Distance run in each plan week. */
    public static double[] doneByWeek(TrainingPlan plan, Map<LocalDate, Double> runs) {
        double[] out = new double[plan.weeks().size()];
        for (int i = 0; i < out.length; i++) {
            PlanWeek w = plan.weeks().get(i);
            for (Map.Entry<LocalDate, Double> e : runs.entrySet()) {
                if (!e.getKey().isBefore(w.start()) && !e.getKey().isAfter(w.end())) {
                    out[i] += e.getValue();
                }
            }
        }
        return out;
    }
}
