package ai.pace42.bot.account;

import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * Parses the time zones runners type. Only region ids ({@code Europe/Berlin}) and UTC are accepted, because a
 * fixed offset would be wrong for half the year wherever daylight saving applies.
 */
public final class TimeZones {

    private static final Set<String> REGIONS = ZoneId.getAvailableZoneIds();

    private TimeZones() {
    }

    /** Case-insensitive; spaces may stand for underscores ("America/New York"). */
    public static Optional<ZoneId> parse(String text) {
        String wanted = text.trim().replace(' ', '_');
        if (wanted.equalsIgnoreCase("UTC") || wanted.equalsIgnoreCase("GMT")) {
            return Optional.of(ZoneId.of("UTC"));
        }
        if (!wanted.contains("/")) {
            return Optional.empty();
        }
        return REGIONS.stream()
                .filter(id -> id.equalsIgnoreCase(wanted))
                .findFirst()
                .map(ZoneId::of);
    }
}
