package ai.pace42.coach.model;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One device lap.
 *
 * @param startS     elapsed seconds from the activity start at which the lap began
 * @param durationS  timer duration of the lap in seconds
 * @param distanceM  lap distance, absent for indoor laps without a foot pod
 * @param intensity  what the device said the lap was for
 */
public record Lap(double startS, double durationS, OptionalDouble distanceM, LapIntensity intensity) {

    public Lap {
        Objects.requireNonNull(distanceM, "distanceM");
        Objects.requireNonNull(intensity, "intensity");
    }

    public double endS() {
        return startS + durationS;
    }

    /** Average speed in m/s, or NaN when the lap has no distance or no duration. */
    public double speed() {
        return distanceM.isPresent() && durationS > 0 ? distanceM.getAsDouble() / durationS : Double.NaN;
    }
}
