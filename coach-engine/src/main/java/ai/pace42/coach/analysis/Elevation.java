package ai.pace42.coach.analysis;

/**
 * Elevation summary and grade-adjusted speed (m/s) next to the raw speed, so hilly runs are judged by effort.
 */
public record Elevation(double ascentM, double descentM, double gainPerKm, double rawSpeed, double gradeAdjustedSpeed) {
}
