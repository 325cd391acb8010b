package ai.pace42.coach.plan;

import ai.pace42.coach.intent.DistanceParser;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises plan phrases before the coach's own recogniser sees the text, so the plan feature adds no pattern to
 * it. Phrases that only make sense with a plan ("what's today?", "this week", "yes") are reported here and the
 * caller decides, knowing whether a plan or a proposal exists, whether they are about the plan.
 */
public final class PlanPhrases {

    private static final String DAY = "(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)";
    private static final String MONTHS = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    private static final Pattern CREATE = Pattern.compile(
            "\\b(make|create|build|give|write|generate|set up|need|want|new)\\b.*\\b(training )?plan\\b|\\bplan (for|to) (a|my|the)\\b.*\\b(race|marathon|half|5 ?k|10 ?k|km)|\\btrain(ing)? for (a|my|the)\\b");
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern DAY_MONTH = Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)?(?: of)? " + MONTHS + "\\b");
    private static final Pattern MONTH_DAY = Pattern.compile("\\b" + MONTHS + " (\\d{1,2})(?:st|nd|rd|th)?\\b");
    private static final Pattern DAYS = Pattern.compile("\\b(\\d|three|four|five|six|seven|two) (days|runs|times)( a| per| each)? week");
    private static final Pattern LONG_DAY = Pattern.compile("long runs? (on )?(a )?" + DAY + "s?\\b|\\b" + DAY + "s? (for the |for my |as )?long run");
    private static final Pattern MOVE = Pattern.compile("\\b(move|shift|swap|switch|push)\\b.*?" + DAY + "(?:'s)?\\b.*?\\bto\\b (?:the )?" + DAY + "\\b");
    private static final Pattern MISSED = Pattern.compile("\\b(missed|skipped|couldn't run|could not run|didn't run|did not run)\\b");
    private static final Pattern MISSED_DAYS = Pattern.compile("\\b(\\d+|two|three|four|five|six|seven|ten) days\\b");

    private static final Pattern NO_RUNNING = Pattern.compile(
            "\\b(can't|cannot|can not|won't be able to|unable to|not able to) run\\b|\\bno running\\b|\\b(i'm|i am|i'll be|i will be) (away|travel(l)?ing)\\b");
    private static final String DATE_WORD = "(\\d{1,2}(?:st|nd|rd|th)?(?: of)? " + MONTHS + "|" + MONTHS + " \\d{1,2}(?:st|nd|rd|th)?|\\d{4}-\\d{2}-\\d{2}|" + DAY + ")";
    private static final String UNTIL = " ?(?:to|-|–|until|till|through|and) ?";
    private static final Pattern RANGE_IN_MONTH = Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)?" + UNTIL + "(\\d{1,2})(?:st|nd|rd|th)? " + MONTHS + "\\b");
    private static final Pattern RANGE = Pattern.compile("\\b" + DATE_WORD + UNTIL + DATE_WORD + "\\b");
    private static final Pattern ONE_DAY = Pattern.compile("\\b(?:on|this|next) " + DATE_WORD + "\\b");

    private PlanPhrases() {
    }

    public static Optional<PlanAsk> recognize(String raw, LocalDate today) {
        String t = normalise(raw);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        if (CREATE.matcher(t).find() && !t.matches(".*\\bplan for (today|tomorrow|tonight)\\b.*")) {
            return Optional.of(new PlanAsk.Create(distance(t), futureDate(t, today), days(t), longDay(t)));
        }
        if (t.matches("(yes|yep|yeah|ok|okay|sure|do it|go ahead|apply( it)?|confirm|yes please|sounds good)")) {
            return Optional.of(new PlanAsk.Yes());
        }
        if (t.matches("(no|nope|no thanks|don't|do not|cancel|keep it|leave it)")) {
            return Optional.of(new PlanAsk.No());
        }
        if (t.matches("(undo|undo (that|it|the last change)|revert( that| it)?|put it back|change it back)")) {
            return Optional.of(new PlanAsk.Undo());
        }
        Matcher move = MOVE.matcher(t);
        if (move.find()) {
            return Optional.of(new PlanAsk.Move(dayOf(move.group(2)), dayOf(move.group(3))));
        }
        if (t.matches(".*\\b(pause|hold|freeze) (my |the )?(training )?plan\\b.*")) {
            return Optional.of(new PlanAsk.Pause());
        }
        if (t.matches(".*\\b(resume|restart|unpause|continue|back on) (my |the )?(training )?plan\\b.*")) {
            return Optional.of(new PlanAsk.Resume());
        }
        if (t.matches(".*\\b(delete|cancel|stop|drop|abandon) (my |the )?(training )?plan\\b.*")) {
            return Optional.of(new PlanAsk.Stop());
        }
        if (t.matches(".*\\b(plan('s)? history|history of (my |the )?plan|what changed in my plan|plan changes)\\b.*")) {
            return Optional.of(new PlanAsk.History());
        }
        if (t.matches(".*(\\bcalendar\\b|\\.ics\\b|\\bical\\b|\\bics\\b|export (my |the )?plan).*")) {
            return Optional.of(new PlanAsk.Calendar());
        }
        if (t.matches(".*\\b(i'm|i am|i've been|i have been|feeling|got|have) (a bit |quite |really )?(ill|sick|a cold|the flu|flu|covid|a fever|unwell)\\b.*")) {
            return Optional.of(new PlanAsk.Ill());
        }
        Optional<PlanAsk> blackout = blackout(t, today);
        if (blackout.isPresent()) {
            return blackout;
        }
        if (t.matches(".*\\b(travel(l)?ing|on a trip|away|on holiday|on vacation|business trip)\\b.*\\b(next week|this week|for a week|week)\\b.*")) {
            return Optional.of(new PlanAsk.Travelling());
        }
        if (t.matches(".*\\b(legs|calves|quads|hamstrings|muscles) (are|feel) (really |very |a bit |quite )?(sore|heavy|tired|dead|stiff)\\b.*|.*\\bsore legs\\b.*")) {
            return Optional.of(new PlanAsk.SoreLegs());
        }
        if (MISSED.matcher(t).find() && !t.contains("?")) {
            Matcher d = MISSED_DAYS.matcher(t);
            return Optional.of(new PlanAsk.Missed(d.find() ? OptionalInt.of(number(d.group(1))) : OptionalInt.empty()));
        }
        if (t.matches("(show |see |view )?(me )?(my |the )?(training )?plan( chart| overview| so far)?|plan chart|chart of my plan|how is my plan going|how am i doing on (my|the) plan")) {
            return Optional.of(new PlanAsk.Overview());
        }
        if (t.matches("(what('s| is) )?(on )?(my )?(plan |schedule )?(for )?this week|this week's (plan|sessions|workouts|runs)|(my )?(plan|sessions|workouts) (for )?this week|what do i (run|do) this week")) {
            return Optional.of(new PlanAsk.ThisWeek());
        }
        if (t.matches("(what('s| is) )?(on )?(for )?today|today's (plan|session|workout|run)|what (do i|should i) (run|do) today|what('s| is) (my )?(session|workout|run|plan) (for )?today")) {
            return Optional.of(new PlanAsk.Today());
        }
        return Optional.empty();
    }

    /** Days without running, when the text names them; otherwise empty (and "I'm travelling next week" is travel). */
    private static Optional<PlanAsk> blackout(String t, LocalDate today) {
        if (!NO_RUNNING.matcher(t).find()) {
            return Optional.empty();
        }
        Matcher inMonth = RANGE_IN_MONTH.matcher(t);
        if (inMonth.find()) {
            Optional<LocalDate> to = dateWord(inMonth.group(2) + " " + inMonth.group(3), today);
            return to.flatMap(end -> dateWord(inMonth.group(1) + " " + inMonth.group(3), end.minusYears(1))
                    .map(start -> new PlanAsk.Blackout(start, end)));
        }
        Matcher range = RANGE.matcher(t);
        if (range.find()) {
            Optional<LocalDate> from = dateWord(range.group(1), today.minusDays(1));
            return from.flatMap(start -> dateWord(range.group(range.groupCount() / 2 + 1), start.minusDays(1))
                    .map(end -> new PlanAsk.Blackout(start, end)));
        }
        Matcher one = ONE_DAY.matcher(t);
        if (one.find()) {
            return dateWord(one.group(1), today.minusDays(1)).map(d -> new PlanAsk.Blackout(d, d));
        }
        return Optional.empty();
    }

    /** A date or weekday named in the text: the first such day after {@code after}. */
    private static Optional<LocalDate> dateWord(String word, LocalDate after) {
        if (word.matches(DAY)) {
            return Optional.of(after.with(java.time.temporal.TemporalAdjusters.next(dayOf(word))));
        }
        return futureDate(word, after);
    }

    static String normalise(String raw) {
        String t = raw == null ? "" : raw.toLowerCase(Locale.ROOT).strip();
        return t.replace('’', '\'').replaceAll("[?!,;:]+(\\s|$)", " ").replaceAll("\\.(\\s|$)", " ").replaceAll("\\s+", " ").strip()
                .replace("half-marathon", "half marathon");
    }

    private static OptionalDouble distance(String t) {
        OptionalDouble d = DistanceParser.parse(t);
        if (d.isPresent()) {
            return d;
        }
        if (t.contains("half")) {
            return OptionalDouble.of(DistanceParser.HALF_MARATHON_M);
        }
        return t.contains("marathon") ? OptionalDouble.of(DistanceParser.MARATHON_M) : OptionalDouble.empty();
    }

    /** The next such date after today ("12 April" in December is next April). */
    static Optional<LocalDate> futureDate(String t, LocalDate today) {
        try {
            Matcher iso = ISO.matcher(t);
            if (iso.find()) {
                return Optional.of(LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3))));
            }
            Matcher dm = DAY_MONTH.matcher(t);
            if (dm.find()) {
                return next(Integer.parseInt(dm.group(1)), month(dm.group(2)), today);
            }
            Matcher md = MONTH_DAY.matcher(t);
            if (md.find()) {
                return next(Integer.parseInt(md.group(2)), month(md.group(1)), today);
            }
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> next(int day, Month month, LocalDate today) {
        for (int y = today.getYear(); y <= today.getYear() + 4; y++) {
            try {
                LocalDate d = LocalDate.of(y, month, day);
                if (d.isAfter(today)) {
                    return Optional.of(d);
                }
            } catch (DateTimeException e) {
                // 29 February of a year without one: try the next
            }
        }
        return Optional.empty();
    }

    private static Month month(String m) {
        for (Month candidate : Month.values()) {
            if (candidate.name().toLowerCase(Locale.ROOT).startsWith(m.substring(0, 3))) {
                return candidate;
            }
        }
        throw new DateTimeException("no month " + m);
    }

    private static OptionalInt days(String t) {
        Matcher m = DAYS.matcher(t);
        return m.find() ? OptionalInt.of(number(m.group(1))) : OptionalInt.empty();
    }

    private static Optional<DayOfWeek> longDay(String t) {
        Matcher m = LONG_DAY.matcher(t);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(dayOf(m.group(3) != null ? m.group(3) : m.group(4)));
    }

    static DayOfWeek dayOf(String word) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().toLowerCase(Locale.ROOT).startsWith(word.substring(0, 3))) {
                return d;
            }
        }
        throw new IllegalArgumentException(word);
    }

    private static int number(String w) {
        return switch (w) {
            case "two" -> 2;
            case "three" -> 3;
            case "four" -> 4;
            case "five" -> 5;
            case "six" -> 6;
            case "seven" -> 7;
            case "ten" -> 10;
            default -> Integer.parseInt(w);
        };
    }
}
