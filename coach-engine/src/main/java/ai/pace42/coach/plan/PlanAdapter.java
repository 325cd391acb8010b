package ai.pace42.coach.plan;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Proposes changes to a plan for what happened to the runner (coaching-science §5.4, §5.5). It only proposes: the
 * caller stores the proposal and applies it after the runner says yes. Every proposed plan passes
 * {@link PlanGuardrails}; a change that would break one is refused with the reason.
 */
public final class PlanAdapter {

    /** A changed plan and why, or no change with the reason (advice, or a guardrail the change would break). */
    public record Proposal(Optional<TrainingPlan> plan, String reason) {

        static Proposal advice(String reason) {
            return new Proposal(Optional.empty(), reason);
        }
    }

    static final double SORE_SHARE = 0.6;
    /** Illness: days without running, then days back without quality and at this share of the planned distance. */
    static final int ILL_REST_DAYS = 7;
    static final int ILL_EASY_DAYS = 7;
    static final double RETURN_SHARE = 0.7;
    /** Missed days above this re-estimate the VDOT with Daniels' time-off factor (§5.4). */
    static final int REBUILD_AFTER_DAYS = 10;

    private PlanAdapter() {
    }

    /** Missed days: 1–3 continue; 4–10 repeat last week's load; more rebuilds from current fitness and a reduced VDOT. */
    public static Proposal missed(TrainingPlan plan, int days, LocalDate today, CurrentFitness now) {
        if (days <= 3) {
            return Proposal.advice("After " + days + (days == 1 ? " day" : " days") + " off, carry on with the plan as it is: "
                    + "don't make up a missed quality session and don't lengthen the next long run.");
        }
        if (days <= REBUILD_AFTER_DAYS) {
            return withGuardrails(plan, repeatWeek(plan, today),
                    "After " + days + " days off, next week repeats the volume of your last full week with one quality session, "
                            + "then the plan continues.");
        }
        TimeOff.Adjusted reduced = TimeOff.after(now, Math.max(days, TimeOff.daysSinceLastRun(now, today)));
        return rebuild(plan, today, reduced.fitness(), "After " + days + " days off, the rest of the plan is rebuilt from your current "
                + "fitness (your runs of the last 30 days), so no run is more than 10% above what you have run lately."
                + reduced.note().map(n -> " " + n).orElse(""));
    }

    /**
     * Illness (§5.5: no intensity while ill, return via the break rules): at least {@value #ILL_REST_DAYS} days
     * without running, the plan rebuilt from current fitness to restart on the next week boundary after them, with
     * the VDOT reduced for the whole break, and its first {@value #ILL_EASY_DAYS} days easy only, at
     * {@code RETURN_SHARE} of the planned distance.
     */
    public static Proposal ill(TrainingPlan plan, LocalDate today, CurrentFitness now) {
        LocalDate madeOn = today.plusDays(ILL_REST_DAYS - 1);
        Proposal first = rebuild(plan, madeOn, now, "");
        if (first.plan().isEmpty()) {
            return first;
        }
        // The break lasts from the last run to the first session of the rebuilt plan (a week boundary).
        LocalDate back = first.plan().get().sessions().get(0).date();
        int daysOff = TimeOff.daysSinceLastRun(now, today) + (int) java.time.temporal.ChronoUnit.DAYS.between(today, back);
        TimeOff.Adjusted reduced = TimeOff.after(now, daysOff);
        String reason = "While you are ill: no running and no intensity; the plan restarts on " + back + " with "
                + ILL_EASY_DAYS + " days of easy runs only, shorter than planned, before its quality sessions return."
                + reduced.note().map(n -> " " + n).orElse("")
                + " Chest pain, fainting or a fever that does not settle are a reason to see a doctor before you run again.";
        Proposal rebuilt = rebuild(plan, madeOn, reduced.fitness(), reason);
        if (rebuilt.plan().isEmpty()) {
            return rebuilt;
        }
        TrainingPlan fresh = rebuilt.plan().get();
        LocalDate easyUntil = back.plusDays(ILL_EASY_DAYS);
        List<PlanWeek> weeks = mapSessions(fresh, s -> s.date().isBefore(easyUntil) && s.kind() != SessionKind.RACE
                ? easy(fresh, s, s.kind() == SessionKind.LONG ? SessionKind.LONG : SessionKind.EASY, Math.floor(s.distanceM() * RETURN_SHARE / 100) * 100)
                : s);
        return withGuardrails(plan, fresh.withWeeks(weeks), rebuilt.reason());
    }

    /** Travelling next week: quality sessions become easy runs of the same length; nothing else changes. */
    public static Proposal travelling(TrainingPlan plan, LocalDate today) {
        LocalDate from = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        LocalDate to = from.plusDays(6);
        List<PlanWeek> weeks = mapSessions(plan, s -> !s.date().isBefore(from) && !s.date().isAfter(to) && s.kind().quality()
                ? easy(plan, s, SessionKind.EASY, s.distanceM()) : s);
        return withGuardrails(plan, plan.withWeeks(weeks), "While you travel (" + from + " to " + to + "), the quality sessions become easy "
                + "runs of the same distance; run them whenever your day allows.");
    }

    /**
     * Blackout days (no running possible, e.g. a trip): their sessions are dropped, never made up on the days around
     * them (§5.4); a long run or quality session that falls out is simply gone from that week.
     */
    public static Proposal blackout(TrainingPlan plan, LocalDate from, LocalDate to, LocalDate today) {
        if (to.isBefore(from) || to.isBefore(today)) {
            return Proposal.advice("I read that as " + from + " to " + to + ", which is not ahead of you; say e.g. \"I can't run "
                    + "from 14 to 18 December\".");
        }
        if (!plan.request().raceDate().isAfter(to) && !plan.request().raceDate().isBefore(from)) {
            return Proposal.advice("Your race on " + plan.request().raceDate() + " falls in those days; ask me for a plan to a new "
                    + "race date instead.");
        }
        TrainingPlan without = plan.withWeeks(mapSessions(plan, s -> !s.date().isBefore(from) && !s.date().isAfter(to) ? null : s));
        List<PlanGuardrails.Violation> broken = PlanGuardrails.check(without);
        if (!broken.isEmpty()) {
            return Proposal.advice("Without the sessions of " + from + " to " + to + " the weeks after them would break a guardrail ("
                    + broken.get(0).detail() + " on " + broken.get(0).date() + "), so I won't just drop them. Run what you can; "
                    + "when you are back, tell me how many days you missed (\"I missed 4 days\") and I will adapt the plan from there.");
        }
        return withGuardrails(plan, without, "You can't run from " + from + " to " + to + ": those days' sessions are "
                + "dropped and not made up later, so the rest of the plan stays as it was.");
    }

    /** Sore legs: today's and tomorrow's sessions become short easy runs. */
    public static Proposal sore(TrainingPlan plan, LocalDate today) {
        List<PlanWeek> weeks = mapSessions(plan, s -> (s.date().equals(today) || s.date().equals(today.plusDays(1)))
                && s.kind() != SessionKind.RACE ? easy(plan, s, SessionKind.EASY, Math.floor(s.distanceM() * SORE_SHARE / 100) * 100) : s);
        return withGuardrails(plan, plan.withWeeks(weeks), "With sore legs, today and tomorrow become short easy runs (60% of the "
                + "planned distance). If the soreness is sharp, in one spot, or worse the next morning, rest and ask a physio.");
    }

    /** Moves the next session on {@code from} (today or later) to the following {@code to}; see {@link SessionMove}. */
    public static Proposal move(TrainingPlan plan, DayOfWeek from, DayOfWeek to, LocalDate today) {
        return SessionMove.propose(plan, from, to, today);
    }

    private static Proposal rebuild(TrainingPlan plan, LocalDate today, CurrentFitness now, String reason) {
        PlanRequest r = plan.request();
        PlanOutcome o = PlanGenerator.generate(new PlanRequest(r.raceDate(), r.raceDistanceM(), r.daysPerWeek(), r.longRunDay(), today,
                r.units()), now);
        if (o instanceof PlanOutcome.Ready ready) {
            return new Proposal(Optional.of(ready.plan()), reason);
        }
        PlanOutcome.Refused refused = (PlanOutcome.Refused) o;
        return refused.closestLater().map(p -> new Proposal(Optional.of(p), reason + " Your race date is no longer safe from here ("
                        + refused.reason() + "), so the rebuilt plan aims at " + p.request().raceDate() + " instead."))
                .orElseGet(() -> Proposal.advice(refused.reason()));
    }

    /** Next week takes the volume of the last full week before today, keeping only its first quality session. */
    private static TrainingPlan repeatWeek(TrainingPlan plan, LocalDate today) {
        Optional<PlanWeek> current = plan.weekOf(today);
        int next = current.map(w -> w.index() + 1).orElse(0);
        int previous = current.map(w -> w.index() - 1).orElse(-1);
        if (previous < 0 || next >= plan.weeks().size() - 1) {
            return plan;
        }
        PlanWeek model = plan.weeks().get(previous);
        PlanWeek target = plan.weeks().get(next);
        List<PlannedSession> out = new ArrayList<>();
        boolean qualityKept = false;
        for (PlannedSession s : model.sessions()) {
            PlannedSession moved = s.on(s.date().plusDays(7L * (next - previous)));
            if (s.kind().quality()) {
                moved = qualityKept ? easy(plan, moved, SessionKind.EASY, moved.distanceM()) : moved;
                qualityKept = true;
            }
            out.add(moved);
        }
        List<PlanWeek> weeks = new ArrayList<>(plan.weeks());
        weeks.set(next, new PlanWeek(target.index(), target.start(), target.phase(), target.cutBack(), out));
        return plan.withWeeks(weeks);
    }

    /** An easy run in place of {@code s}, at the plan's easy pace (none when the plan is by effort). */
    static PlannedSession easy(TrainingPlan plan, PlannedSession s, SessionKind kind, double distanceM) {
        Optional<PlannedSession> easyPace = plan.sessions().stream().filter(x -> x.kind() == SessionKind.EASY || x.kind() == SessionKind.LONG)
                .findFirst();
        return PlannedSession.easy(s.date(), kind, distanceM, easyPace.map(PlannedSession::fastMps).orElse(Double.NaN),
                easyPace.map(PlannedSession::slowMps).orElse(Double.NaN), false);
    }

    static List<PlanWeek> mapSessions(TrainingPlan plan, java.util.function.UnaryOperator<PlannedSession> f) {
        List<PlanWeek> weeks = new ArrayList<>();
        for (PlanWeek w : plan.weeks()) {
            List<PlannedSession> out = new ArrayList<>();
            for (PlannedSession s : w.sessions()) {
                PlannedSession m = f.apply(s);
                if (m != null) {
                    out.add(m);
                }
            }
            weeks.add(new PlanWeek(w.index(), w.start(), w.phase(), w.cutBack(), out));
        }
        return weeks;
    }

    /** The changed plan if it keeps every guardrail, its reason followed by what changes; otherwise the rule it breaks. */
    static Proposal withGuardrails(TrainingPlan before, TrainingPlan changed, String reason) {
        List<PlanGuardrails.Violation> v = PlanGuardrails.check(changed);
        if (!v.isEmpty()) {
            return Proposal.advice("I can't make that change: it would break a guardrail (" + v.get(0).detail() + " on "
                    + v.get(0).date() + ").");
        }
        String what = PlanDiff.describe(before, changed);
        return new Proposal(Optional.of(changed), what.isEmpty() ? reason : reason + " " + what);
    }
}
