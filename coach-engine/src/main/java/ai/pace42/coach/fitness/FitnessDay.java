package ai.pace42.coach.fitness;

import java.time.LocalDate;

/**
 * One day of the performance-management model. fitness = CTL (42-day EWMA of load), fatigue = ATL (7-day), form
 * = fitness − fatigue as of the end of the previous day, i.e. how fresh the runner is going into this day.
 */
public record FitnessDay(LocalDate date, double load, double fitness, double fatigue, double form) {
}
