package ai.pace42.coach.intent;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Past dates in the runner's own calendar: "today", "yesterday", "on Tuesday" / "last Sunday" (the most recent
 * such day before today), "3 May" / "May 3rd" (the most recent, never in the future) and ISO dates.
 */
public final class DateParser {

    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final String MONTHS = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    private static final Pattern DAY_MONTH = Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)?(?: of)? " + MONTHS + "\\b");
    private static final Pattern MONTH_DAY = Pattern.compile("\\b" + MONTHS + " (\\d{1,2})(?:st|nd|rd|th)?\\b");
    private static final Pattern WEEKDAY = Pattern.compile("\\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:'s)?\\b");

    private DateParser() {
    }

    /** A past date mentioned in lower-cased text, relative to {@code today}. */
    public static Optional<LocalDate> parse(String text, LocalDate today) {
        if (text.contains("day before yesterday")) {
            return Optional.of(today.minusDays(2));
        }
        if (text.matches(".*\\byesterday('s)?\\b.*")) {
            return Optional.of(today.minusDays(1));
        }
        if (text.matches(".*\\b(today('s)?|this morning('s)?|tonight('s)?|this evening('s)?)\\b.*")) {
            return Optional.of(today);
        }
        Matcher iso = ISO.matcher(text);
        if (iso.find()) {
            try {
                return Optional.of(LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3))));
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }
        Matcher dm = DAY_MONTH.matcher(text);
        if (dm.find()) {
            return pastDate(Integer.parseInt(dm.group(1)), month(dm.group(2)), today);
        }
        Matcher md = MONTH_DAY.matcher(text);
        if (md.find()) {
            return pastDate(Integer.parseInt(md.group(2)), month(md.group(1)), today);
        }
        Matcher wd = WEEKDAY.matcher(text);
        if (wd.find()) {
            DayOfWeek dow = weekday(wd.group(1));
            LocalDate d = today.minusDays(1);
            while (d.getDayOfWeek() != dow) {
                d = d.minusDays(1);
            }
            return Optional.of(d);
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> pastDate(int day, Month month, LocalDate today) {
        try {
            LocalDate d = LocalDate.of(today.getYear(), month, day);
            if (!d.isAfter(today)) {
                return Optional.of(d);
            }
            // A year back, 29 February does not exist; minusYears would quietly move it to the 28th.
            LocalDate yearBefore = LocalDate.of(today.getYear() - 1, month, day);
            return Optional.of(yearBefore);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Month month(String s) {
        for (Month m : Month.values()) {
            if (m.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT).startsWith(s.substring(0, 3))) {
                return m;
            }
        }
        throw new IllegalArgumentException(s);
    }

    private static DayOfWeek weekday(String s) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT).startsWith(s.substring(0, 3))) {
                return d;
            }
        }
        throw new IllegalArgumentException(s);
    }
}
