package ai.pace42.coach.weather;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A weather question recognised deterministically: what is asked (rain, the best time, heat or cold, what to wear,
 * the forecast) and for which part of which day. The period is resolved in the place's zone, where "morning" is
 * meant.
 */
public record WeatherQuestion(Kind kind, Optional<DayOfWeek> weekday, int dayOffset, boolean today, boolean weekend,
                              boolean now, Part part) {

    public enum Kind { RAIN, BEST_TIME, HEAT_OR_COLD, WEAR, FORECAST }

    /** Part of a day with its local hours [from, to). */
    public enum Part {
        MORNING(6, 12, "morning"), LUNCHTIME(11, 14, "lunchtime"), AFTERNOON(12, 17, "afternoon"),
        EVENING(17, 22, "evening"), NIGHT(20, 24, "night"), DAY(5, 22, "day");

        final int from;
        final int to;
        final String word;

        Part(int from, int to, String word) {
            this.from = from;
            this.to = to;
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /** A resolved period: [from, to) and how to name it ("Sunday morning"). */
    public record Period(Instant from, Instant to, String name) {
    }

    private static final Pattern WEAR = Pattern.compile(
            "what (should|do|shall|can) i wear|what to wear|\\b(dress|clothing|clothes|layers?|gloves|tights)\\b");
    private static final Pattern BEST = Pattern.compile(
            "best (time|window|hours?|moment)|when (is|will) it (be )?(best|nicest|driest|coolest|dry)|driest|coolest (time|hour)");
    private static final Pattern RAIN = Pattern.compile(
            "\\b(rain|raining|rainy|wet|showers?|drizzle|storms?|stormy|thunder\\w*|lightning|snow\\w*|umbrella|dry)\\b");
    private static final Pattern HEAT = Pattern.compile(
            "too (hot|cold|warm|humid|windy|sunny|icy)|\\b(heat|humid|humidity|temperature|windy|dew point|uv|sunscreen|icy)\\b"
                    + "|(is it|will it be|it's|it is) (hot|cold|warm|freezing)|\\bwind\\b");
    private static final Pattern FORECAST = Pattern.compile("\\b(weather|forecast|running conditions|outside)\\b");
    private static final Pattern WEEKDAY = Pattern.compile(
            "\\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\\b");

    /** Empty when the text is not a weather question. */
    public static Optional<WeatherQuestion> parse(String raw) {
        String t = raw == null ? "" : raw.toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("[?!.,;:]", " ")
                .replaceAll("\\s+", " ").strip();
        Kind kind;
        if (WEAR.matcher(t).find()) {
            kind = Kind.WEAR;
        } else if (BEST.matcher(t).find()) {
            kind = Kind.BEST_TIME;
        } else if (RAIN.matcher(t).find()) {
            kind = Kind.RAIN;
        } else if (HEAT.matcher(t).find()) {
            kind = Kind.HEAT_OR_COLD;
        } else if (FORECAST.matcher(t).find()) {
            kind = Kind.FORECAST;
        } else {
            return Optional.empty();
        }
        Matcher wd = WEEKDAY.matcher(t);
        Optional<DayOfWeek> weekday = wd.find()
                ? Optional.of(DayOfWeek.valueOf(wd.group(1).toUpperCase(Locale.ROOT))) : Optional.empty();
        int offset = t.contains("day after tomorrow") ? 2 : t.contains("tomorrow") ? 1 : 0;
        boolean weekend = weekday.isEmpty() && t.contains("weekend");
        boolean now = t.matches(".*\\b(now|right now|currently|at the moment)\\b.*");
        Part part = t.contains("morning") ? Part.MORNING : t.matches(".*\\b(lunch|lunchtime|noon|midday)\\b.*") ? Part.LUNCHTIME
                : t.contains("afternoon") ? Part.AFTERNOON : t.contains("evening") || t.contains("after work") ? Part.EVENING
                : t.contains("tonight") || t.matches(".*\\bnight\\b.*") ? Part.NIGHT : Part.DAY;
        boolean today = offset == 0 && t.matches(".*\\b(today|tonight|this (morning|afternoon|evening))\\b.*");
        return Optional.of(new WeatherQuestion(kind, weekday, offset, today, weekend, now, part));
    }

    /**
     * The hours the question is about, in the place's zone, never starting before the current hour: "now" is the
     * next three hours; a question with neither a day nor a part of the day means the next twelve hours.
     */
    public Period period(Instant nowInstant, ZoneId zone) {
        ZonedDateTime here = nowInstant.atZone(zone);
        Instant hourStart = here.truncatedTo(ChronoUnit.HOURS).toInstant();
        boolean noDay = weekday.isEmpty() && dayOffset == 0 && !weekend && !today;
        if (now || noDay && part == Part.DAY && (kind == Kind.HEAT_OR_COLD || kind == Kind.WEAR)) {
            return new Period(hourStart, hourStart.plus(Duration.ofHours(3)), "the next three hours");
        }
        if (noDay && part == Part.DAY) {
            return new Period(hourStart, hourStart.plus(Duration.ofHours(12)), "the next twelve hours");
        }
        LocalDate today = here.toLocalDate();
        LocalDate day = weekday.map(d -> today.with(TemporalAdjusters.nextOrSame(d)))
                .orElseGet(() -> weekend ? today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY))
                        : today.plusDays(dayOffset));
        if (weekend && today.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = today;
        }
        int days = weekend && day.getDayOfWeek() == DayOfWeek.SATURDAY ? 2 : 1;
        Instant from = at(day, part.from, zone);
        Instant to = at(day.plusDays(days - 1), part.to, zone);
        if (from.isBefore(hourStart)) {
            from = hourStart;
        }
        if (!to.isAfter(from)) {
            // That part of today is over: the same part tomorrow.
            return new WeatherQuestion(kind, Optional.empty(), 1, false, false, false, part).period(nowInstant, zone);
        }
        String name = weekend ? "the weekend" + (part == Part.DAY ? "" : " (" + part.word + "s)")
                : dayName(day, today) + (part == Part.DAY ? "" : " " + part.word);
        return new Period(from, to, name);
    }

    private static Instant at(LocalDate day, int hour, ZoneId zone) {
        return hour >= 24 ? day.plusDays(1).atStartOfDay(zone).toInstant()
                : day.atTime(LocalTime.of(hour, 0)).atZone(zone).toInstant();
    }

    private static String dayName(LocalDate day, LocalDate today) {
        if (day.equals(today)) {
            return "today";
        }
        if (day.equals(today.plusDays(1))) {
            return "tomorrow";
        }
        return day.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH);
    }
}
