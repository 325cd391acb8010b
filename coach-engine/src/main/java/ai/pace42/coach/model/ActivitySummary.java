package ai.pace42.coach.model;

import java.util.OptionalDouble;

/**
 * Summary values the device or platform reported for the whole activity. Analysis prefers them for the headline
 * numbers (they are what the watch shows) and the samples for everything within the run. Every value may be
 * missing; {@code conditions} is the weather in words, e.g. "mostly cloudy".
 */
public record ActivitySummary(OptionalDouble averageHeartRate, OptionalDouble maxHeartRate,
                              OptionalDouble averageCadenceSpm, OptionalDouble totalAscentM,
                              OptionalDouble totalDescentM, OptionalDouble temperatureC,
                              java.util.Optional<String> conditions) {

    public ActivitySummary {
        conditions = conditions == null ? java.util.Optional.empty() : conditions.filter(c -> !c.isBlank());
    }

    public ActivitySummary(OptionalDouble averageHeartRate, OptionalDouble maxHeartRate,
                           OptionalDouble averageCadenceSpm, OptionalDouble totalAscentM,
                           OptionalDouble totalDescentM, OptionalDouble temperatureC) {
        this(averageHeartRate, maxHeartRate, averageCadenceSpm, totalAscentM, totalDescentM, temperatureC,
                java.util.Optional.empty());
    }

    public static ActivitySummary none() {
        OptionalDouble e = OptionalDouble.empty();
        return new ActivitySummary(e, e, e, e, e, e);
    }

    public ActivitySummary withTemperature(double celsius) {
        return new ActivitySummary(averageHeartRate, maxHeartRate, averageCadenceSpm, totalAscentM, totalDescentM,
                OptionalDouble.of(celsius), conditions);
    }
}
