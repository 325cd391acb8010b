package ai.pace42.coach.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A generated plan: the request, the fitness it started from, its weeks and what the runner should know. */
public record TrainingPlan(PlanRequest request, CurrentFitness fitness, List<PlanWeek> weeks, List<String> notes) {

    public TrainingPlan {
        weeks = List.copyOf(weeks);
        notes = List.copyOf(notes);
    }

    public List<PlannedSession> sessions() {
        return weeks.stream().flatMap(w -> w.sessions().stream()).toList();
    }

    public Optional<PlannedSession> on(LocalDate day) {
        return sessions().stream().filter(s -> s.date().equals(day)).findFirst();
    }

    public Optional<PlanWeek> weekOf(LocalDate day) {
        return weeks.stream().filter(w -> !day.isBefore(w.start()) && !day.isAfter(w.end())).findFirst();
    }

    public LocalDate start() {
        return weeks.get(0).start();
    }

    public double peakLongRunM() {
        return sessions().stream().filter(s -> s.kind() == SessionKind.LONG).mapToDouble(PlannedSession::distanceM)
                .max().orElse(0);
    }

    public TrainingPlan withWeeks(List<PlanWeek> other) {
        return new TrainingPlan(request, fitness, other, notes);
    }
}
