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
    /** Illness: at least this many days without running, then this many days back without quality. */
    static final int ILL_REST_DAYS = 7;
    static final int ILL_EASY_DAYS = 7;
    /** An easy run shortened below this is left out. */
    static final double MIN_EASY_M = 2_000;
    static final int FULL_BREAK_DAYS = 28;
    static final double LONG_BREAK_SHARE = 0.45;
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
            TrainingPlan repeated = repeatWeek(plan, today);
            if (repeated.equals(plan)) {
                return Proposal.advice("After " + days + " days off, next week is already no heavier than your last full week, with "
                        + "one quality session at most: carry on with the plan as it is and don't make up what you missed.");
            }
            return withGuardrails(today, plan, repeated,
                    "After " + days + " days off, next week repeats the volume of your last full week with one quality session, "
                            + "then the plan continues.");
        }
        TimeOff.Adjusted reduced = TimeOff.after(now, Math.max(days, TimeOff.daysSinceLastRun(now, today)));
        Proposal rebuilt = rebuild(plan, today, reduced.fitness(), "After " + days + " days off, the rest of the plan is rebuilt from "
                + "your current fitness (your runs of the last 30 days), so no run is more than 10% above what you have run lately."
                + reduced.note().map(n -> " " + n).orElse(""));
        return rebuilt.plan().map(p -> withGuardrails(today, plan, p, p, rebuilt.reason())).orElse(rebuilt);
    }

    /**
     * Illness (§5.5: no intensity while ill, return via the break rules): at least {@value #ILL_REST_DAYS} days
     * without running, the plan rebuilt from current fitness to restart on the next week boundary after them, with
     * the VDOT reduced for the whole break, from a weekly volume that counts the days ill as rest, and its first
     * {@value #ILL_EASY_DAYS} days easy only.
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
        double weekly = now.weeklyM() * returnShare(daysOff);
        CurrentFitness restart = new CurrentFitness(reduced.fitness().vdot(), weekly, now.recentRuns(), now.easyCeilingHr());
        String reason = "While you are ill: no running and no intensity; the plan restarts on " + back + " from "
                + Math.round(returnShare(daysOff) * 100) + "% of your recent weekly distance, with " + ILL_EASY_DAYS + " days of easy runs only before "
                + "its quality sessions return." + reduced.note().map(n -> " " + n).orElse("")
                + " Chest pain, fainting or a fever that does not settle are a reason to see a doctor before you run again.";
        Proposal rebuilt = rebuild(plan, madeOn, restart, reason);
        if (rebuilt.plan().isEmpty()) {
            return rebuilt;
        }
        TrainingPlan fresh = rebuilt.plan().get();
        LocalDate easyUntil = fresh.sessions().get(0).date().plusDays(ILL_EASY_DAYS);
        List<PlanWeek> weeks = mapSessions(fresh, s -> s.date().isBefore(easyUntil) && s.kind().quality()
                ? easy(fresh, s, SessionKind.EASY, s.distanceM()) : s);
        return withGuardrails(today, plan, fresh, fresh.withWeeks(weeks), rebuilt.reason());
    }

    /**
     * The share of the pre-break weekly distance a return starts from: §5.4's framework starts week 1 at 40–50% after
     * four weeks or more off; shorter breaks are scaled linearly between no reduction and that.
     */
    static double returnShare(int daysOff) {
        return 1 - Math.min(1.0, daysOff / (double) FULL_BREAK_DAYS) * (1 - LONG_BREAK_SHARE);
    }

    /** Travelling next week: quality sessions become easy runs of the same length; nothing else changes. */
    public static Proposal travelling(TrainingPlan plan, LocalDate today) {
        LocalDate from = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        LocalDate to = from.plusDays(6);
        List<PlanWeek> weeks = mapSessions(plan, s -> !s.date().isBefore(from) && !s.date().isAfter(to) && s.kind().quality()
                ? easy(plan, s, SessionKind.EASY, s.distanceM()) : s);
        return withGuardrails(today, plan, plan.withWeeks(weeks), "While you travel (" + from + " to " + to + "), the quality sessions become easy "
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
        Checked checked = check(plan, without);
        if (!checked.broken().isEmpty()) {
            PlanGuardrails.Violation v = checked.broken().get(0);
            return Proposal.advice("Without the sessions of " + from + " to " + to + " the plan would break a guardrail ("
                    + v.detail() + " on " + v.date() + "), so I won't just drop them. Run what you can; when you are back, tell "
                    + "me how many days you missed (\"I missed 4 days\") and I will adapt the plan from there.");
        }
        return withGuardrails(today, plan, without, "You can't run from " + from + " to " + to + ": those days' sessions are "
                + "dropped and not made up later, so the rest of the plan stays as it was.");
    }

    /** Sore legs: today's and tomorrow's sessions become short easy runs. */
    public static Proposal sore(TrainingPlan plan, LocalDate today) {
        List<PlanWeek> weeks = mapSessions(plan, s -> (s.date().equals(today) || s.date().equals(today.plusDays(1)))
                && s.kind() != SessionKind.RACE ? easy(plan, s, SessionKind.EASY, Math.floor(s.distanceM() * SORE_SHARE / 100) * 100) : s);
        return withGuardrails(today, plan, plan.withWeeks(weeks), "With sore legs, today and tomorrow become short easy runs (60% of the "
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

    /**
     * Next week keeps its days, its long run and its first quality session (the others become easy runs), and its
     * easy runs are shortened so the week is no heavier than the last full week before today (§5.4: repeat the
     * previous week's volume, keep one quality workout). Keeping the long run keeps the next weeks' long runs within
     * the spike guard.
     */
    private static TrainingPlan repeatWeek(TrainingPlan plan, LocalDate today) {
        Optional<PlanWeek> current = plan.weekOf(today);
        int next = current.map(w -> w.index() + 1).orElse(0);
        int previous = current.map(w -> w.index() - 1).orElse(-1);
        if (previous < 0 || next >= plan.weeks().size() - 1) {
            return plan;
        }
        PlanWeek target = plan.weeks().get(next);
        List<PlannedSession> out = new ArrayList<>();
        boolean qualityKept = false;
        for (PlannedSession s : target.sessions()) {
            boolean drop = s.kind().quality() && qualityKept;
            qualityKept |= s.kind().quality();
            out.add(drop ? easy(plan, s, SessionKind.EASY, s.distanceM()) : s);
        }
        double excess = target.volumeM() - plan.weeks().get(previous).volumeM();
        double easyM = out.stream().filter(s -> s.kind() == SessionKind.EASY).mapToDouble(PlannedSession::distanceM).sum();
        if (excess > 0 && easyM > 0) {
            double share = Math.max(0, (easyM - excess) / easyM);
            out = out.stream().map(s -> s.kind() != SessionKind.EASY ? s : easy(plan, s, SessionKind.EASY,
                    Math.floor(s.distanceM() * share / 100) * 100)).filter(s -> s.distanceM() >= MIN_EASY_M).toList();
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
    static Proposal withGuardrails(LocalDate today, TrainingPlan before, TrainingPlan changed, String reason) {
        return withGuardrails(today, before, before, changed, reason);
    }

    /**
     * As above, with the guardrails read against {@code agreed} (the plan the change starts from) and the changes from
     * {@code today} on named against {@code before} (the plan the runner follows now). A change that only makes weeks lighter is held to
     * the ramp's hard block, not to the 10 % a new plan keeps (see {@link Guardrail}); the proposal says when a week
     * then rises more than 10 %.
     */
    static Proposal withGuardrails(LocalDate today, TrainingPlan before, TrainingPlan agreed, TrainingPlan changed, String reason) {
        Checked checked = check(agreed, changed);
        if (!checked.broken().isEmpty()) {
            PlanGuardrails.Violation v = checked.broken().get(0);
            return Proposal.advice("I can't make that change: it would break a guardrail (" + v.detail() + " on " + v.date() + ").");
        }
        String what = PlanDiff.describe(before, changed, today);
        return new Proposal(Optional.of(changed), reason + (what.isEmpty() ? "" : " " + what) + checked.note());
    }

    /** The guardrails a change breaks, and what the runner should know about one it keeps (empty when nothing). */
    record Checked(List<PlanGuardrails.Violation> broken, String note) {
    }

    static Checked check(TrainingPlan agreed, TrainingPlan changed) {
        List<PlanGuardrails.Violation> v = new ArrayList<>(PlanGuardrails.check(changed));
        if (!onlyLighter(agreed, changed)) {
            return new Checked(v, "");
        }
        List<PlanGuardrails.Violation> steep = v.stream().filter(x -> x.rule() == Guardrail.WEEKLY_RAMP).toList();
        v.removeIf(x -> x.rule() == Guardrail.WEEKLY_RAMP || x.rule() == Guardrail.CUT_BACK || x.rule() == Guardrail.TAPER);
        v.addAll(0, PlanGuardrails.rampsAbove(changed, Guardrail.RAMP_BLOCK));
        return new Checked(v, steep.isEmpty() ? "" : " The week of " + steep.get(0).date() + " then rises more than 10% over the "
                + "lighter weeks before it (" + steep.get(0).detail() + ", as planned before); if these days leave you tired, tell "
                + "me and I will ease it too.");
    }

    /** Same weeks, none heavier and none with more quality sessions: the change only takes load away. */
    static boolean onlyLighter(TrainingPlan agreed, TrainingPlan changed) {
        if (agreed.weeks().size() != changed.weeks().size()) {
            return false;
        }
        for (int i = 0; i < agreed.weeks().size(); i++) {
            PlanWeek a = agreed.weeks().get(i), c = changed.weeks().get(i);
            if (!a.start().equals(c.start()) || c.volumeM() > a.volumeM() + 1 || c.qualityCount() > a.qualityCount()) {
                return false;
            }
        }
        return true;
    }
}
