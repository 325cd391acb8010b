package ai.pace42.coach.analysis;

/** The session type with how sure we are (0..1) and the evidence, so answers can say why. */
public record Classification(SessionType type, double confidence, String reason) {
}
