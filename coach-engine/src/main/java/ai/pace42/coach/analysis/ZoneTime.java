package ai.pace42.coach.analysis;

/** Seconds spent in one zone; bounds in bpm or m/s depending on the zone system. */
public record ZoneTime(String name, double lower, double upper, double seconds) {
}
