package ai.pace42.weather;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Open-Meteo's hourly times are local wall-clock times without an offset. They are resolved with the IANA zone,
 * not the single {@code utc_offset_seconds} (which is only right on one side of a DST change); on the autumn change
 * the repeated hour comes twice, so a time that would not move forward takes the later offset.
 */
final class LocalHours {

    private LocalHours() {
    }

    static List<Instant> resolve(List<String> localTimes, ZoneId zone) {
        List<Instant> out = new ArrayList<>(localTimes.size());
        Instant previous = null;
        for (String s : localTimes) {
            ZonedDateTime z = LocalDateTime.parse(s).atZone(zone);
            Instant t = z.toInstant();
            if (previous != null && !t.isAfter(previous)) {
                t = z.withLaterOffsetAtOverlap().toInstant();
            }
            out.add(t);
            previous = t;
        }
        return out;
    }
}
