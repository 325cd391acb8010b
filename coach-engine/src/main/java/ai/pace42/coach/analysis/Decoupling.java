package ai.pace42.coach.analysis;

/**
 * Pa:Hr decoupling: efficiency factor (m/min per bpm, grade-adjusted) of the first and second half of the steady
 * part; percent = (EF1 − EF2) / EF1 × 100. Under 5% the aerobic base holds at this duration.
 */
public record Decoupling(double efFirstHalf, double efSecondHalf, double percent, double hrFirstHalf,
                         double hrSecondHalf, double skippedWarmupS) {

    public String band() {
        return percent < 5 ? "coupled" : percent <= 8 ? "moderate drift" : "high drift";
    }
}
