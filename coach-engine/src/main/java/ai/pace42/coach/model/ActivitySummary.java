package ai.pace42.coach.model;

import java.util.OptionalDouble;

/**
 * Summary values the device or platform reported for the whole activity. Analysis prefers them for the headline
 * numbers (they are what the watch shows) and the samples for everything within the run. Every value may be
 * missing; {@code conditions} is the weather in words, e.g. "mostly cloudy"; {@code hrZones} is the time in the
 * device's own HR zones (Garmin's {@code hrTimeInZones}), empty when it did not say.
 */
public record ActivitySummary(OptionalDouble averageHeartRate, OptionalDouble maxHeartRate,
                              OptionalDouble averageCadenceSpm, OptionalDouble totalAscentM,
                              OptionalDouble totalDescentM, OptionalDouble temperatureC,
                              java.util.Optional<String> conditions, HrZoneTimes hrZones) {

    public ActivitySummary {
        conditions = conditions == null ? java.util.Optional.empty() : conditions.filter(c -> !c.isBlank());
        hrZones = hrZones == null ? HrZoneTimes.none() : hrZones;
    }

    public ActivitySummary(OptionalDouble averageHeartRate, OptionalDouble maxHeartRate,
                           OptionalDouble averageCadenceSpm, OptionalDouble totalAscentM,
                           OptionalDouble totalDescentM, OptionalDouble temperatureC,
                           java.util.Optional<String> conditions) {
        this(averageHeartRate, maxHeartRate, averageCadenceSpm, totalAscentM, totalDescentM, temperatureC,
                conditions, HrZoneTimes.none());
    }

    public ActivitySummary(OptionalDouble averageHeartRate, OptionalDouble maxHeartRate,
                           OptionalDouble averageCadenceSpm, OptionalDouble totalAscentM,
                           OptionalDouble totalDescentM, OptionalDouble temperatureC) {
        this(averageHeartRate, maxHeartRate, averageCadenceSpm, totalAscentM, totalDescentM, temperatureC,
                java.util.Optional.empty(), HrZoneTimes.none());
    }

    public static ActivitySummary none() {
        OptionalDouble e = OptionalDouble.empty();
        return new ActivitySummary(e, e, e, e, e, e);
    }

    public ActivitySummary withTemperature(double celsius) {
        return new ActivitySummary(averageHeartRate, maxHeartRate, averageCadenceSpm, totalAscentM, totalDescentM,
                OptionalDouble.of(celsius), conditions, hrZones);
    }

    public ActivitySummary withHrZones(HrZoneTimes zones) {
        return new ActivitySummary(averageHeartRate, maxHeartRate, averageCadenceSpm, totalAscentM, totalDescentM,
                temperatureC, conditions, zones);
    }
}
