package ai.pace42.coach.analysis;

import java.time.Instant;

/** A previous run as context for classifying the next one (long-run threshold, day after a hard session). */
public record PriorRun(Instant start, SessionType type, double durationS, double distanceM) {
}
