package ai.pace42.coach.plan;

import ai.pace42.coach.answer.Format;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The plan's answers in words: created, refused, this week, today. Numbers all come from the plan. */
public final class PlanReplies {

    private PlanReplies() {
    }

    public static String created(TrainingPlan p, Format f, LocalDate today) {
        StringBuilder sb = new StringBuilder();
        sb.append("**Your ").append(raceName(p)).append(" plan** for ").append(f.day(p.request().raceDate())).append(": ")
                .append(p.weeks().size()).append(" weeks from ").append(f.day(p.start())).append(", ")
                .append(p.request().daysPerWeek()).append(" days a week, long run on ").append(dayName(p.request().longRunDay())).append(".\n");
        sb.append(startingPoint(p, f)).append('\n');
        sb.append("- Phases: ").append(phases(p)).append('\n');
        sb.append("- Peak week ").append(f.distance(p.weeks().stream().mapToDouble(PlanWeek::volumeM).max().orElse(0)))
                .append(", longest run ").append(f.distance(p.peakLongRunM())).append('\n');
        sb.append("- Guardrails: no run more than 10% above your longest of the previous 30 days, at most 2 quality sessions a "
                + "week with 48 h between hard days, weeks at most 10% up, a cut-back week at least every fourth week, "
                + "a taper to 40–60% of the peak.\n");
        for (String note : p.notes()) {
            sb.append("- ").append(note).append('\n');
        }
        p.weekOf(today.isBefore(p.start()) ? p.start() : today).ifPresent(w -> sb.append('\n').append(week(p, w, f)));
        sb.append("\nAsk \"what's today?\", \"this week\", \"show my plan\" or \"calendar\"; tell me when you miss days, feel ill "
                + "or travel and I will propose a change (nothing changes until you say yes).");
        return sb.toString();
    }

    public static String refused(PlanOutcome.Refused r, Format f) {
        StringBuilder sb = new StringBuilder("**I won't make that plan.** ").append(r.reason());
        r.closestLater().ifPresent(p -> sb.append("\n- The closest safe plan: the same race on ").append(f.day(p.request().raceDate()))
                .append(" (").append(p.weeks().size()).append(" weeks, longest run ").append(f.distance(p.peakLongRunM())).append(")."));
        r.shorterThatFits().ifPresent(p -> sb.append("\n- On your date a safe plan reaches a ").append(raceName(p))
                .append(" (longest run ").append(f.distance(p.peakLongRunM())).append(")."));
        if (r.closestLater().isPresent() || r.shorterThatFits().isPresent()) {
            sb.append("\nSay **yes** to take the first of these, or ask for another date.");
        }
        return sb.toString();
    }

    public static String week(TrainingPlan p, PlanWeek w, Format f) {
        StringBuilder sb = new StringBuilder(PlanText.weekHeading(w, p.weeks().size(), f)).append('\n');
        for (PlannedSession s : w.sessions()) {
            sb.append("- ").append(PlanText.session(s, f, p.fitness().easyCeilingHr())).append('\n');
        }
        return sb.toString().strip();
    }

    public static String today(TrainingPlan p, LocalDate today, Format f) {
        if (today.isBefore(p.start())) {
            return "Your plan starts on " + f.day(p.start()) + ". Until then keep to easy running; the first session: "
                    + PlanText.session(p.sessions().get(0), f, p.fitness().easyCeilingHr()) + ".";
        }
        if (today.isAfter(p.request().raceDate())) {
            return "Your plan ended with the race on " + f.day(p.request().raceDate()) + ". Ask me to make a new one when you are ready.";
        }
        Optional<PlannedSession> s = p.on(today);
        if (s.isPresent()) {
            return "**Today** " + PlanText.session(s.get(), f, p.fitness().easyCeilingHr()) + ".";
        }
        Optional<PlannedSession> next = p.sessions().stream().filter(x -> x.date().isAfter(today)).findFirst();
        return "**Today is a rest day** in your plan." + next.map(n -> " Next: " + PlanText.session(n, f, p.fitness().easyCeilingHr()) + ".").orElse("");
    }

    /** "week 3: planned 34.0 km, done 12.5 km; Tue threshold run done, Thu intervals missed". */
    public static String progress(TrainingPlan p, List<SessionResult> results, PlanWeek w, Format f) {
        StringBuilder sb = new StringBuilder();
        for (SessionResult r : results) {
            if (r.session().date().isBefore(w.start()) || r.session().date().isAfter(w.end())) {
                continue;
            }
            sb.append("- ").append(f.day(r.session().date())).append(": ");
            switch (r.status()) {
                case EXTRA -> sb.append("extra run of ").append(f.distance(r.actualM()));
                case DONE -> sb.append(r.session().kind().label()).append(" done (").append(f.distance(r.actualM())).append(" of ")
                        .append(f.distance(r.session().distanceM())).append(")");
                case PARTIAL -> sb.append(r.session().kind().label()).append(" partly done (").append(f.distance(r.actualM()))
                        .append(" of ").append(f.distance(r.session().distanceM())).append(")");
                case MISSED -> sb.append(r.session().kind().label()).append(" missed");
                case UPCOMING -> sb.append(r.session().kind().label()).append(" to come");
            }
            sb.append('\n');
        }
        return sb.toString().strip();
    }

    /**
     * "Against your plan: planned threshold run 9.0 km with 5.0 km at 4:13–4:19 /km; you ran 8.6 km at 4:41 /km
     * average (partly done)". Empty when the plan has no session on the run's day and the day is outside the plan.
     */
    public static Optional<String> againstPlan(TrainingPlan p, LocalDate day, double distanceM, double averageMps, Format f) {
        if (day.isBefore(p.start()) || day.isAfter(p.request().raceDate())) {
            return Optional.empty();
        }
        Optional<PlannedSession> planned = p.on(day);
        String ran = "you ran " + f.distance(distanceM) + (averageMps > 0 ? " at " + f.pace(averageMps) + " average" : "");
        if (planned.isEmpty()) {
            return Optional.of("**Against your plan:** no session was planned that day (an extra run); " + ran + ".");
        }
        PlannedSession s = planned.get();
        String status = distanceM >= SessionResult.DONE_SHARE * s.distanceM() ? "done" : "partly done";
        String target = s.fastMps() > 0 && s.kind() != SessionKind.EASY && s.kind() != SessionKind.LONG
                ? " (target " + f.paceRange(s.fastMps(), s.slowMps()) + " for the " + f.distance(s.workM()) + " of work; the average "
                + "includes warm-up and recoveries)" : s.fastMps() > 0 ? " (easy " + f.paceRange(s.fastMps(), s.slowMps()) + ")" : "";
        return Optional.of("**Against your plan:** planned " + describe(s, f).replace("**", "") + "; " + ran + target + ": " + status + ".");
    }

    private static String describe(PlannedSession s, Format f) {
        return PlanText.describe(s, f, java.util.OptionalDouble.empty());
    }

    static String raceName(TrainingPlan p) {
        double d = p.request().raceDistanceM();
        return ai.pace42.coach.intent.DistanceParser.name(d);
    }

    static String dayName(java.time.DayOfWeek d) {
        String n = d.name().toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }

    private static String startingPoint(TrainingPlan p, Format f) {
        CurrentFitness c = p.fitness();
        return "Built from your last 4 weeks (" + f.distance(c.weeklyM()) + " a week, longest run in 30 days " + f.distance(c.longestRecentM())
                + (c.vdot().isPresent() ? ", VDOT " + Format.one(c.vdot().getAsDouble()) + " for the paces" : ", no VDOT yet, so sessions are by effort")
                + ").";
    }

    private static String phases(TrainingPlan p) {
        StringBuilder sb = new StringBuilder();
        Phase current = null;
        int count = 0;
        for (PlanWeek w : p.weeks()) {
            if (w.phase() != current) {
                if (current != null) {
                    sb.append(current.label()).append(' ').append(count).append(count == 1 ? " week, " : " weeks, ");
                }
                current = w.phase();
                count = 0;
            }
            count++;
        }
        sb.append(current.label()).append(' ').append(count).append(count == 1 ? " week" : " weeks");
        return sb.toString();
    }
}
