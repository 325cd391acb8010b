package ai.pace42.coach.plan;

import java.time.LocalDate;
import java.util.List;

/** One Monday-to-Sunday week of a plan. Volume leaves out the race itself (the taper is about training). */
public record PlanWeek(int index, LocalDate start, Phase phase, boolean cutBack, List<PlannedSession> sessions) {

    public PlanWeek {
        sessions = List.copyOf(sessions);
    }

    public double volumeM() {
        return sessions.stream().filter(s -> s.kind() != SessionKind.RACE).mapToDouble(PlannedSession::distanceM).sum();
    }

    public long qualityCount() {
        return sessions.stream().filter(s -> s.kind().quality()).count();
    }

    public double longestM() {
        return sessions.stream().filter(s -> s.kind() != SessionKind.RACE).mapToDouble(PlannedSession::distanceM)
                .max().orElse(0);
    }

    public LocalDate end() {
        return start.plusDays(6);
    }
}
