package ai.pace42.coach.answer;

import ai.pace42.coach.UnitSystem;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Turns SI numbers into what the runner reads, in their units. One place so every answer rounds the same way. */
public record Format(UnitSystem units, ZoneId zone) {

    public static final double METRES_PER_MILE = 1609.344;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    public double unitMetres() {
        return units == UnitSystem.IMPERIAL ? METRES_PER_MILE : 1000;
    }

    /** "5:40 /km" or "9:07 /mi"; "unknown pace" for NaN or zero speed. */
    public String pace(double speedMps) {
        if (!(speedMps > 0)) {
            return "unknown pace";
        }
        return clock(unitMetres() / speedMps) + " /" + units.distanceUnit();
    }

    /** Pace number only, e.g. "5:40". */
    public String paceValue(double speedMps) {
        return speedMps > 0 ? clock(unitMetres() / speedMps) : "–";
    }

    /** "5:08–5:53 /km": from the slower to the faster... shown slow to fast as runners read ranges. */
    public String paceRange(double fastSpeed, double slowSpeed) {
        if (!(fastSpeed > 0) || !(slowSpeed > 0)) {
            return "unknown pace";
        }
        return paceValue(fastSpeed) + "–" + paceValue(slowSpeed) + " /" + units.distanceUnit();
    }

    /** "10.2 km" or "6.3 mi". */
    public String distance(double metres) {
        if (Double.isNaN(metres)) {
            return "unknown distance";
        }
        return String.format(Locale.ROOT, "%.1f %s", metres / unitMetres(), units.distanceUnit());
    }

    /** "52:10" below an hour, "1:45:30" above; seconds rounded. */
    public static String clock(double seconds) {
        if (Double.isNaN(seconds)) {
            return "–";
        }
        long s = Math.round(seconds);
        long h = s / 3600, m = (s % 3600) / 60, sec = s % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec) : String.format(Locale.ROOT, "%d:%02d", m, sec);
    }

    public static String minutes(double seconds) {
        return Math.round(seconds / 60) + " min";
    }

    public static String bpm(double hr) {
        return Math.round(hr) + " bpm";
    }

    public static String pct(double fraction) {
        return Math.round(fraction * 100) + "%";
    }

    public static String one(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    public static String two(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    public static String whole(double v) {
        return String.valueOf(Math.round(v));
    }

    /** The run's own calendar day, where it was run (as Garmin and Strava show it). */
    public String day(ZonedDateTime t) {
        return t.format(DAY);
    }

    /** The run's day with its year ("Tue 3 Jun 2014"), for what is seen out of context, like a chart. */
    public String date(ZonedDateTime t) {
        return t.format(DATE);
    }

    /**
     * The run's own local time, as on the watch; the zone is named when its clock differs from the runner's
     * current zone (a 05:40 run in New York stays 05:40 for a runner now set to Tokyo).
     */
    public String dayTime(ZonedDateTime t) {
        String local = t.format(DAY_TIME);
        return zone.getRules().getOffset(t.toInstant()).equals(t.getOffset()) ? local : local + " " + zoneName(t);
    }

    /** A short time of day in the runner's zone, e.g. for "I'll retry at 10:42". */
    public String time(java.time.Instant t) {
        return t.atZone(zone).format(TIME);
    }

    private static String zoneName(ZonedDateTime t) {
        return t.getZone() instanceof java.time.ZoneOffset o
                ? "(UTC" + (o.getTotalSeconds() == 0 ? "" : o.getId()) + ")"
                : "(" + t.getZone().getId() + " time)";
    }

    public String day(java.time.LocalDate d) {
        return d.format(DAY);
    }
}
