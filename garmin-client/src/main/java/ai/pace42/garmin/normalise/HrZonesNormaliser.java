package ai.pace42.garmin.normalise;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;

/**
 * {@code hrTimeInZones} → every zone (N20: the prototype kept only zone 1). Null seconds count as 0 (N19); entries
 * that are not objects, or lack a zone number, are skipped (N21).
 */
public final class HrZonesNormaliser {

    /** Time in one heart-rate zone; {@code lowBpm} is Garmin's lower bound for the zone when it says. */
    public record ZoneTime(int zone, double seconds, OptionalInt lowBpm) {
    }

    private HrZonesNormaliser() {
    }

    public static List<ZoneTime> normalise(JsonNode zones) {
        List<ZoneTime> out = new ArrayList<>();
        if (zones == null || !zones.isArray()) {
            return out;
        }
        for (JsonNode z : zones) {
            var number = Json.whole(z, "zoneNumber");
            if (!z.isObject() || number.isEmpty() || number.getAsLong() < 0 || number.getAsLong() > 10) {
                continue;
            }
            double secs = Json.number(z, "secsInZone").stream().filter(v -> v >= 0).findFirst().orElse(0);
            var low = Json.whole(z, "zoneLowBoundary");
            out.add(new ZoneTime((int) number.getAsLong(), secs,
                    low.isPresent() && low.getAsLong() > 0 && low.getAsLong() < 260
                            ? OptionalInt.of((int) low.getAsLong()) : OptionalInt.empty()));
        }
        out.sort(Comparator.comparingInt(ZoneTime::zone));
        return out;
    }
}
