package ai.pace42.garmin.normalise;

import ai.pace42.coach.model.HrZoneTimes;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;

/**
 * {@code GET /activity-service/activity/{id}/hrTimeInZones} → every zone (N20: the prototype kept only zone 1).
 * Garmin answers an array of up to five {@code {"zoneNumber":1,"secsInZone":0.0,"zoneLowBoundary":109}}. Null
 * seconds count as 0 (N19); entries that are not objects, or lack a zone number, are skipped (N21).
 */
public final class HrZonesNormaliser {

    private HrZonesNormaliser() {
    }

    /** The zones for the coach model; none for a body that is not Garmin's array or has no time in any zone. */
    public static HrZoneTimes times(JsonNode zones) {
        HrZoneTimes t = new HrZoneTimes(normalise(zones));
        return t.isEmpty() ? HrZoneTimes.none() : t;
    }

    public static List<HrZoneTimes.Zone> normalise(JsonNode zones) {
        List<HrZoneTimes.Zone> out = new ArrayList<>();
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
            out.add(new HrZoneTimes.Zone((int) number.getAsLong(), secs,
                    low.isPresent() && low.getAsLong() > 0 && low.getAsLong() < 260
                            ? OptionalInt.of((int) low.getAsLong()) : OptionalInt.empty()));
        }
        out.sort(Comparator.comparingInt(HrZoneTimes.Zone::number));
        return out;
    }
}
