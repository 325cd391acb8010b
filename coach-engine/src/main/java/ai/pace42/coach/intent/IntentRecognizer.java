package ai.pace42.coach.intent;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deterministic intent recognition: normalise, screen for medical content first, then an ordered list of
 * patterns where the more specific intent wins ("compare my last 3 runs" before "last run").
 */
public final class IntentRecognizer {

    private static final Pattern VO2 = Pattern.compile("\\bvo2|vo₂|v02|\\bvdot\\b(?!.*pace)");
    private static final Pattern VOLUME_GOAL = Pattern.compile(
            "(can|could|should|may) i .*?(\\d+(?:\\.\\d+)?) ?(k|km|kms|kilometers?|kilometres?|mi|miles?) (this|a|per|next) week"
                    + "|(back to|up to|increase to|go to|jump to) (\\d+(?:\\.\\d+)?) ?(k|km|kms|kilometers?|kilometres?|mi|miles?)");
    private static final Pattern PREDICT = Pattern.compile(
            "predict|prediction|race time|finish time|finishing time|how fast (can|could|would|will) i|what time (can|could|would|will|should) i"
                    + "|(can|could) i (break|run) (a )?sub|\\bsub[ -]?\\d|estimated? (my )?(time|finish)|ready (for|to race)");
    private static final Pattern PACES = Pattern.compile(
            "\\b(training|easy|tempo|threshold|interval|marathon|long|recovery|target)( run| runs)? pace|\\bpaces\\b|\\bzones?\\b"
                    + "|what pace should|how fast should i run (my )?(easy|long|tempo)|heart ?rate zones?|\\bhr zones?|\\blthr\\b|max(imum)? heart rate");
    private static final Pattern NEXT = Pattern.compile(
            "next (run|workout|session|training)|what should i (run|do)|what (run|workout|session) should|tomorrow"
                    + "|recommend|suggest|when should i run|plan for (today|tomorrow)|what('s| is) (on )?(for )?(today|tomorrow)|should i run (today|tomorrow)");
    private static final Pattern COMPARE = Pattern.compile(
            "compare|comparison|last (\\d+|two|three|four|five|few|couple of) (runs|activities|workouts|sessions)|recent (runs|activities|workouts)"
                    + "|past (\\d+|few) runs|how (have|were) my (last|recent) runs");
    private static final Pattern TREND = Pattern.compile(
            "fitness|trend|progress|getting (fitter|faster|stronger|slower|better)|improv(e|ing|ement)|\\bform\\b|fatigue"
                    + "|training (load|status)|\\bctl\\b|\\batl\\b|\\btsb\\b|overtrain|am i (fitter|faster|improving)|fresh(ness)?");
    private static final Pattern WEEK = Pattern.compile(
            "\\bweek(ly)?\\b|mileage|volume|how much (did|have) i (run|ran)|how many (km|kilometers|miles|runs)");
    private static final Pattern SPECIFIC_KIND = Pattern.compile("\\b(long run|tempo|interval|intervals|race|easy run|recovery run|track)\\b");
    private static final Pattern RUN_WORD = Pattern.compile("\\b(run|runs|ran|race|workout|session|activity|jog|long run|tempo|intervals?)\\b");
    private static final Pattern LAST = Pattern.compile(
            "(last|latest|most recent|previous|recent) (run|activity|workout|session|jog|race)|analy[sz]e|how was my|how did (my|i|it)|my run\\b|review|break ?down|debrief");
    private static final Pattern HELP = Pattern.compile("^(help|/help|hi|hello|hey|start|menu|what can you do|what do you do|commands|options)\\b|what can (you|i) ask|how does this work");

    /** A follow-up that only asks for more about the run just discussed. */
    private static final Pattern DETAILS_ONLY = Pattern.compile(
            "^(more|details?|more details?|tell me more|show (me )?more|(show|give) (me )?(the )?(full )?details|full (breakdown|analysis|report|details)"
                    + "|(the )?(full )?breakdown|(all )?(the )?splits|in detail)$");
    /** A run question that asks for the full breakdown at once ("analyze my last run in detail"). */
    private static final Pattern DETAILS_IN = Pattern.compile(
            "\\b(in detail|in full|full (breakdown|analysis|report)|detailed|all (the )?details|with (all )?(the )?splits)\\b");

    private IntentRecognizer() {
    }

    /**
     * True when the runner wants the full breakdown of a run: "details", "more", "full breakdown" alone (about the
     * run just discussed), or a run question asking for it ("analyze my last run in detail").
     */
    public static boolean asksForDetails(String raw) {
        String t = normalise(raw);
        return DETAILS_ONLY.matcher(t).matches() || DETAILS_IN.matcher(t).find();
    }

    /** True when the text is only a request for more ("details", "more"), naming no run. */
    public static boolean onlyAsksForDetails(String raw) {
        return DETAILS_ONLY.matcher(normalise(raw)).matches();
    }

    /** @param today the runner's current date in their own zone */
    public static Intent recognize(String raw, LocalDate today) {
        String t = normalise(raw);
        if (t.isEmpty()) {
            return new Intent.Help();
        }
        if (MedicalScreen.isMedical(t)) {
            return new Intent.Medical(MedicalScreen.isCardiacRedFlag(t));
        }
        if (VO2.matcher(t).find()) {
            return new Intent.Vo2max();
        }
        Matcher goal = VOLUME_GOAL.matcher(t);
        if (goal.find()) {
            String n = goal.group(2) != null ? goal.group(2) : goal.group(6);
            String u = goal.group(3) != null ? goal.group(3) : goal.group(7);
            double metres = Double.parseDouble(n) * (u.startsWith("mi") ? 1609.344 : 1000);
            return new Intent.VolumeGoal(metres);
        }
        if (PREDICT.matcher(t).find()) {
            return new Intent.RacePrediction(DistanceParser.parse(t));
        }
        if (NEXT.matcher(t).find()) {
            return new Intent.NextRun(t.contains("tomorrow"));
        }
        if (PACES.matcher(t).find()) {
            return new Intent.PacesAndZones();
        }
        Matcher cmp = COMPARE.matcher(t);
        if (cmp.find()) {
            return new Intent.CompareRuns(count(t));
        }
        if (TREND.matcher(t).find()) {
            return new Intent.FitnessTrend();
        }
        if (WEEK.matcher(t).find() && !t.contains("run on")) {
            return new Intent.WeeklySummary(t.contains("last week") || t.contains("previous week"));
        }
        Optional<LocalDate> date = DateParser.parse(t, today);
        OptionalDouble distance = DistanceParser.parse(t);
        Matcher kind = SPECIFIC_KIND.matcher(t);
        Optional<String> kindWord = kind.find() ? Optional.of(kind.group(1)) : Optional.empty();
        boolean aboutARun = RUN_WORD.matcher(t).find() || LAST.matcher(t).find() || distance.isPresent();
        boolean specificKind = kindWord.isPresent() && !LAST.matcher(t).find();
        if (aboutARun && (date.isPresent() || distance.isPresent() || specificKind)) {
            return new Intent.SpecificRun(new RunSelector(date, distance, kindWord.map(IntentRecognizer::kindOf)));
        }
        if (LAST.matcher(t).find()) {
            return kindWord.filter(k -> !k.equals("race") || t.contains("race")).isPresent() && !t.matches(".*\\b(last|latest|most recent) run\\b.*")
                    ? new Intent.SpecificRun(new RunSelector(Optional.empty(), OptionalDouble.empty(), kindWord.map(IntentRecognizer::kindOf)))
                    : new Intent.LastRun();
        }
        if (HELP.matcher(t).find()) {
            return new Intent.Help();
        }
        return new Intent.Unrecognized();
    }

    static String normalise(String raw) {
        String t = raw == null ? "" : raw.toLowerCase(Locale.ROOT).strip();
        t = t.replace('’', '\'').replaceAll("[?!.,;:]+(\\s|$)", " ").replaceAll("\\s+", " ").strip();
        return t.replace("anaylze", "analyze").replace("analize", "analyze").replace("anlyze", "analyze")
                .replace("analyse", "analyze").replace("temp run", "tempo run").replace("fartlake", "fartlek")
                .replace("half-marathon", "half marathon").replace("1/2 marathon", "half marathon");
    }

    private static String kindOf(String word) {
        return switch (word) {
            case "interval", "intervals", "track" -> "intervals";
            case "long run" -> "long";
            case "easy run", "recovery run" -> "easy";
            default -> word;
        };
    }

    private static int count(String t) {
        Matcher m = Pattern.compile("\\b(\\d+|two|three|four|five|six|seven|eight|nine|ten|couple of|few)\\b (runs|activities|workouts|sessions)").matcher(t);
        if (!m.find()) {
            return 3;
        }
        int n = switch (m.group(1)) {
            case "two", "couple of" -> 2;
            case "three", "few" -> 3;
            case "four" -> 4;
            case "five" -> 5;
            case "six" -> 6;
            case "seven" -> 7;
            case "eight" -> 8;
            case "nine" -> 9;
            case "ten" -> 10;
            default -> Integer.parseInt(m.group(1));
        };
        return Math.max(2, Math.min(10, n));
    }
}
