package ai.pace42.coach.plan;

import java.time.LocalDate;

/** A run before the plan, for the 30-day spike guard. */
public record PastRun(LocalDate date, double distanceM) {
}
