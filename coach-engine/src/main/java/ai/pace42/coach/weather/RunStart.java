package ai.pace42.coach.weather;

import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.Samples;

import java.time.ZoneId;
import java.util.Optional;

/** Where a run started: its first plausible GPS fix (0,0 and NaN are a device's "no fix"). */
public final class RunStart {

    private RunStart() {
    }

    public static Optional<Place> of(Activity a, ZoneId zone) {
        Samples s = a.samples();
        if (!s.hasPosition()) {
            return Optional.empty();
        }
        for (int i = 0; i < s.latitude().length; i++) {
            double lat = s.latitude()[i];
            double lon = s.longitude()[i];
            if (Double.isFinite(lat) && Double.isFinite(lon) && (lat != 0 || lon != 0)
                    && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
                return Optional.of(new Place("", "", "", lat, lon, zone));
            }
        }
        return Optional.empty();
    }
}
