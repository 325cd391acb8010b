package ai.pace42.coach.fitness;

import java.time.LocalDate;

/**
 * One Monday-to-Sunday week. Intensity split in seconds: low (HR Z1–Z2, or easy/long/recovery sessions), moderate
 * (Z3, or moderate/tempo/progression) and high (Z4–Z5, or intervals/races).
 */
public record WeekSummary(LocalDate weekStart, double distanceM, double durationS, int runs, double lowS,
                          double moderateS, double highS, double load) {

    public double highShare() {
        double t = lowS + moderateS + highS;
        return t > 0 ? (moderateS + highS) / t : 0;
    }
}
