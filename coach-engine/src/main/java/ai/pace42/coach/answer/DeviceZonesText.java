package ai.pace42.coach.answer;

import ai.pace42.coach.model.HrZoneTimes;

import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Words for the time in the device's own HR zones (Garmin's {@code hrTimeInZones}). They are always named as
 * Garmin's zones, counted with the zone settings of the runner's watch, so they are never mistaken for the
 * coach's Friel zones (a Garmin Z3 and a Friel Z3 are different ranges).
 */
final class DeviceZonesText {

    private DeviceZonesText() {
    }

    /** "Time in Garmin's HR zones (your watch's zone settings): Z1 0:00, Z2 2:01 (from 127 bpm), …" or empty. */
    static Optional<String> sentence(HrZoneTimes zones) {
        if (zones.isEmpty()) {
            return Optional.empty();
        }
        String list = zones.zones().stream()
                .map(z -> "Z" + z.number() + " " + Format.clock(z.seconds())
                        + (z.lowBpm().isPresent() ? " (from " + z.lowBpm().getAsInt() + " bpm)" : ""))
                .collect(Collectors.joining(", "));
        return Optional.of("Time in Garmin's HR zones (your watch's zone settings): " + list + ".");
    }

    /** "Garmin counted most of this run, 15:00 of 22:01, in its zone 3 (from 145 bpm)." or empty. */
    static Optional<String> observation(HrZoneTimes zones) {
        return zones.dominant().map(z -> "Garmin counted most of this run, " + Format.clock(z.seconds()) + " of "
                + Format.clock(zones.totalSeconds()) + ", in its HR zone " + z.number()
                + (z.lowBpm().isPresent() ? " (from " + z.lowBpm().getAsInt() + " bpm)" : "")
                + "; these are Garmin's zones from your watch's settings, not the coach's.");
    }
}
