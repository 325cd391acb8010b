package ai.pace42.coach.plan;

import ai.pace42.coach.answer.Format;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.OptionalDouble;

/** Writes sessions and weeks in the runner's units, with paces when a VDOT is known and efforts when not. */
public final class PlanText {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private PlanText() {
    }

    public static String session(PlannedSession s, Format f, OptionalDouble easyCeilingHr) {
        String day = s.date().format(DAY);
        return day + ": " + describe(s, f, easyCeilingHr);
    }

    /** "threshold run 9.0 km: 2.0 km easy, 5.0 km at 4:13–4:19 /km, 2.0 km easy". */
    public static String describe(PlannedSession s, Format f, OptionalDouble easyCeilingHr) {
        boolean paced = s.fastMps() > 0;
        String total = "**" + s.kind().label() + "** " + f.distance(s.distanceM());
        return switch (s.kind()) {
            case EASY, LONG -> total + " " + (paced ? "at " + f.paceRange(s.fastMps(), s.slowMps()) : "at an easy, conversational effort")
                    + easyCeilingHr.stream().mapToObj(hr -> " (HR under " + Format.bpm(hr) + ")").findFirst().orElse("")
                    + (s.strides() ? ", then 6 × 20 s strides" : "");
            case THRESHOLD, MARATHON_PACE -> {
                double wu = (s.distanceM() - s.workM()) / 2;
                yield total + ": " + f.distance(wu) + " easy, " + f.distance(s.workM()) + " at "
                        + (paced ? f.paceRange(s.fastMps(), s.slowMps()) : effort(s.kind())) + ", " + f.distance(wu) + " easy";
            }
            case INTERVALS, REPETITIONS -> total + ": warm-up, " + s.reps() + " × " + Math.round(s.repM()) + " m at "
                    + (paced ? f.paceRange(s.fastMps(), s.slowMps()) : effort(s.kind())) + " with "
                    + Math.round(s.kind() == SessionKind.INTERVALS ? s.repM() / 2 : s.repM()) + " m jog between, cool-down";
            case RACE -> "**race day**: " + f.distance(s.distanceM())
                    + (paced ? ", even effort at about " + f.pace(s.fastMps()) + " (your VDOT-equivalent time "
                    + Format.clock(s.distanceM() / s.fastMps()) + ")" : ", start easy and finish strong");
        };
    }

    private static String effort(SessionKind kind) {
        return switch (kind) {
            case THRESHOLD -> "threshold effort (comfortably hard, a pace you could hold for about an hour)";
            case INTERVALS -> "hard effort (about your 3–5 km race pace)";
            case REPETITIONS -> "fast, relaxed effort (about your mile race pace)";
            case MARATHON_PACE -> "marathon race effort";
            default -> "easy effort";
        };
    }

    /** "Week 3 (build), Mon 2 Mar–Sun 8 Mar: 34.5 km". */
    public static String weekHeading(PlanWeek w, int weeks, Format f) {
        return "**Week " + (w.index() + 1) + " of " + weeks + "** (" + w.phase().label() + (w.cutBack() ? ", cut-back" : "")
                + "), " + w.start().format(DAY) + "–" + w.end().format(DAY) + ": " + f.distance(w.volumeM());
    }

    /** The whole plan, week by week, for the report and for "show my plan". */
    public static String full(TrainingPlan plan, Format f) {
        StringBuilder sb = new StringBuilder();
        for (PlanWeek w : plan.weeks()) {
            sb.append(weekHeading(w, plan.weeks().size(), f)).append('\n');
            for (PlannedSession s : w.sessions()) {
                sb.append("- ").append(session(s, f, plan.fitness().easyCeilingHr())).append('\n');
            }
        }
        return sb.toString();
    }
}
