package ai.pace42.coach.plan;

import ai.pace42.coach.answer.Format;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.OptionalDouble;

/**
 * The plan's sessions as an iCalendar file (RFC 5545): one all-day event per session, CRLF line ends, text
 * escaped, lines folded at 75 octets. UIDs are stable per plan and day, so re-importing updates instead of
 * duplicating.
 */
public final class PlanCalendar {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private PlanCalendar() {
    }

    public static String ics(TrainingPlan plan, String planId, Format f, Instant now) {
        StringBuilder sb = new StringBuilder();
        add(sb, "BEGIN:VCALENDAR");
        add(sb, "VERSION:2.0");
        add(sb, "PRODID:-//pace42//training plan//EN");
        add(sb, "CALSCALE:GREGORIAN");
        for (PlannedSession s : plan.sessions()) {
            add(sb, "BEGIN:VEVENT");
            add(sb, "UID:" + planId + "-" + s.date().format(DATE) + "@pace42");
            add(sb, "DTSTAMP:" + STAMP.format(now));
            add(sb, "DTSTART;VALUE=DATE:" + s.date().format(DATE));
            add(sb, "DTEND;VALUE=DATE:" + s.date().plusDays(1).format(DATE));
            add(sb, "SUMMARY:" + escape(s.kind().label() + " " + f.distance(s.distanceM())));
            add(sb, "DESCRIPTION:" + escape(PlanText.describe(s, f, OptionalDouble.empty()).replace("**", "")));
            add(sb, "END:VEVENT");
        }
        add(sb, "END:VCALENDAR");
        return sb.toString();
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
    }

    /** Folds at 75 octets of UTF-8 without splitting a character. */
    private static void add(StringBuilder sb, String line) {
        int octets = 0;
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            int n = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (octets + n > 75) {
                sb.append(current).append("\r\n ");
                current.setLength(0);
                octets = 1;
            }
            current.appendCodePoint(cp);
            octets += n;
            i += Character.charCount(cp);
        }
        sb.append(current).append("\r\n");
    }
}
