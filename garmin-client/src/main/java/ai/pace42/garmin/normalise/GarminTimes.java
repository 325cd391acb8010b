package ai.pace42.garmin.normalise;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Optional;

/**
 * One lenient parser for every time format Garmin uses: "2026-01-08 14:10:21", "2026-01-08T14:10:21.0" (1–9
 * fraction digits), trailing "Z", "+0000" or "+00:00", and epoch numbers (ms, or s when small). The 1970 epoch
 * is Garmin's "no data" marker and yields empty.
 */
public final class GarminTimes {

    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd")
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendPattern("HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .toFormatter();

    private static final DateTimeFormatter OFFSET = new DateTimeFormatterBuilder()
            .append(LOCAL)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    /** Anything before 1990 is a placeholder (Garmin writes 1970 for "no data"; FIT starts in 1989). */
    private static final Instant FLOOR = Instant.parse("1990-01-01T00:00:00Z");
    private static final Instant CEILING = Instant.parse("2200-01-01T00:00:00Z");

    private GarminTimes() {
    }

    /** A wall-clock time without zone (Garmin "Local" fields). */
    public static Optional<LocalDateTime> local(JsonNode n) {
        if (n == null || !n.isTextual()) {
            return Optional.empty();
        }
        String s = n.textValue().trim();
        if (s.length() < 16 || s.length() > 40) {
            return Optional.empty();
        }
        try {
            LocalDateTime t = LocalDateTime.from(OFFSET.parse(s));
            return plausible(t.toInstant(ZoneOffset.UTC)) ? Optional.of(t) : Optional.empty();
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /** An instant: epoch numbers, or a string read as UTC unless it carries its own offset (Garmin "GMT" fields). */
    public static Optional<Instant> instant(JsonNode n) {
        if (n == null) {
            return Optional.empty();
        }
        if (n.isNumber() || n.isTextual() && n.textValue().trim().matches("\\d{9,14}")) {
            var v = Json.number(n);
            if (v.isEmpty()) {
                return Optional.empty();
            }
            double d = v.getAsDouble();
            // Ten digits or fewer is seconds; more is milliseconds.
            Instant t = Math.abs(d) < 1e11 ? Instant.ofEpochSecond((long) d) : Instant.ofEpochMilli((long) d);
            return plausible(t) ? Optional.of(t) : Optional.empty();
        }
        if (!n.isTextual()) {
            return Optional.empty();
        }
        String s = n.textValue().trim();
        if (s.length() < 16 || s.length() > 40) {
            return Optional.empty();
        }
        try {
            var parsed = OFFSET.parse(s);
            Instant t = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                    ? OffsetDateTime.from(parsed).toInstant()
                    : LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC);
            return plausible(t) ? Optional.of(t) : Optional.empty();
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    private static boolean plausible(Instant t) {
        return t.isAfter(FLOOR) && t.isBefore(CEILING);
    }
}
