package ai.pace42.coach.model;

import java.util.OptionalDouble;

/**
 * Summary values the device or platform reported for the whole activity. Analysis prefers the samples and uses
 * these only when the samples lack a signal. Every value may be missing.
 */
public record ActivitySummary(OptionalDouble averageHeartRate, OptionalDouble maxHeartRate,
                              OptionalDouble averageCadenceSpm, OptionalDouble totalAscentM,
                              OptionalDouble totalDescentM, OptionalDouble temperatureC) {

    public static ActivitySummary none() {
        OptionalDouble e = OptionalDouble.empty();
        return new ActivitySummary(e, e, e, e, e, e);
    }

    public ActivitySummary withTemperature(double celsius) {
        return new ActivitySummary(averageHeartRate, maxHeartRate, averageCadenceSpm, totalAscentM, totalDescentM,
                OptionalDouble.of(celsius));
    }
}
