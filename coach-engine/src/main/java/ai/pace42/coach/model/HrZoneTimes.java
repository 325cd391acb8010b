package ai.pace42.coach.model;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Time in heart-rate zones as the device or platform counted it with the runner's own zone settings (Garmin's
 * {@code hrTimeInZones}), kept apart from the coach's own Friel zones: they are Garmin's numbers, not ours.
 *
 * @param zones by zone number, ascending; empty when the source gave none
 */
public record HrZoneTimes(List<Zone> zones) {

    /** One zone: its number (1–5 on Garmin), seconds in it and, when known, its lower bound in bpm. */
    public record Zone(int number, double seconds, OptionalInt lowBpm) {

        public Zone {
            lowBpm = lowBpm == null ? OptionalInt.empty() : lowBpm;
            seconds = Double.isFinite(seconds) && seconds > 0 ? seconds : 0;
        }
    }

    public HrZoneTimes {
        zones = zones == null ? List.of()
                : zones.stream().sorted(Comparator.comparingInt(Zone::number)).toList();
    }

    public static HrZoneTimes none() {
        return new HrZoneTimes(List.of());
    }

    /** True when there is no zone with any time in it (Garmin sends five zeros for a run without HR). */
    public boolean isEmpty() {
        return totalSeconds() <= 0;
    }

    public double totalSeconds() {
        return zones.stream().mapToDouble(Zone::seconds).sum();
    }

    /** The zone holding the most time; the lower number wins a tie. */
    public Optional<Zone> dominant() {
        return isEmpty() ? Optional.empty()
                : zones.stream().max(Comparator.comparingDouble(Zone::seconds)
                        .thenComparing(Comparator.comparingInt(Zone::number).reversed()));
    }
}
