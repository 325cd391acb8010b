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

    private PlanAdapter() {
    }

    /** Missed days: 1–3 continue; 4–10 repeat last week's load; more rebuilds from current fitness. */
    public static Proposal missed(TrainingPlan plan, int days, LocalDate today, CurrentFitness now) {
        if (days <= 3) {
            return Proposal.advice("After " + days + (days == 1 ? " day" : " days") + " off, carry on with the plan as it is: "
                    + "don't make up a missed quality session and don't lengthen the next long run.");
        }
        if (days <= 10) {
            return withGuardrails(repeatWeek(plan, today),
                    "After " + days + " days off, next week repeats the volume of your last full week with one quality session, "
                            + "then the plan continues.");
        }
        return rebuild(plan, today, now, "After " + days + " days off, the rest of the plan is rebuilt from your current fitness "
                + "(your runs of the last 30 days), so no run is more than 10% above what you have run lately.");
    }

    /**
     * Illness: no running for the next 7 days, and the plan is rebuilt to start after them from current fitness,
     * so the return is ramped by the same guardrails as a new plan.
     */
    public static Proposal ill(TrainingPlan plan, LocalDate today, CurrentFitness now) {
        return rebuild(plan, today.plusDays(6), now, "While you are ill: no running and no intensity for the next 7 days; "
                + "the plan then restarts from your current fitness. Chest pain, fainting or a fever that does not settle "
                + "are a reason to see a doctor before you run again.");
    }

    /** Travelling next week: quality sessions become easy runs of the same length; nothing else changes. */
    public static Proposal travelling(TrainingPlan plan, LocalDate today) {
        LocalDate from = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        LocalDate to = from.plusDays(6);
        List<PlanWeek> weeks = mapSessions(plan, s -> !s.date().isBefore(from) && !s.date().isAfter(to) && s.kind().quality()
                ? easy(s, s.distanceM()) : s);
        return withGuardrails(plan.withWeeks(weeks), "While you travel (" + from + " to " + to + "), the quality sessions become easy "
                + "runs of the same distance; run them whenever your day allows.");
    }

    /** Sore legs: today's and tomorrow's sessions become short easy runs. */
    public static Proposal sore(TrainingPlan plan, LocalDate today) {
        List<PlanWeek> weeks = mapSessions(plan, s -> (s.date().equals(today) || s.date().equals(today.plusDays(1)))
                && s.kind() != SessionKind.RACE ? easy(s, Math.floor(s.distanceM() * SORE_SHARE / 100) * 100) : s);
        return withGuardrails(plan.withWeeks(weeks), "With sore legs, today and tomorrow become short easy runs (60% of the "
                + "planned distance). If the soreness is sharp, in one spot, or worse the next morning, rest and ask a physio.");
    }

    /** Moves the next session on {@code from} (today or later) to the following {@code to}, if the guardrails allow it. */
    public static Proposal move(TrainingPlan plan, DayOfWeek from, DayOfWeek to, LocalDate today) {
        Optional<PlannedSession> session = plan.sessions().stream()
                .filter(s -> !s.date().isBefore(today) && s.date().getDayOfWeek() == from && s.kind() != SessionKind.RACE).findFirst();
        if (session.isEmpty()) {
            return Proposal.advice("There is no session on a " + PlanReplies.dayName(from) + " ahead of you to move.");
        }
        PlannedSession s = session.get();
        LocalDate target = s.date().with(TemporalAdjusters.next(to));
        if (target.isAfter(plan.request().raceDate()) || plan.on(target).isPresent()) {
            return Proposal.advice("I can't move it to " + target + ": " + (plan.on(target).isPresent()
                    ? "there is already a session that day." : "that is after your race."));
        }
        List<PlanWeek> weeks = new ArrayList<>();
        for (PlanWeek w : plan.weeks()) {
            List<PlannedSession> out = new ArrayList<>();
            for (PlannedSession x : w.sessions()) {
                if (!x.equals(s)) {
                    out.add(x);
                }
            }
            if (!target.isBefore(w.start()) && !target.isAfter(w.end())) {
                out.add(s.on(target));
            }
            out.sort(java.util.Comparator.comparing(PlannedSession::date));
            weeks.add(new PlanWeek(w.index(), w.start(), w.phase(), w.cutBack(), out));
        }
        return withGuardrails(plan.withWeeks(weeks), "Your " + s.kind().label() + " moves from " + s.date() + " to " + target + ".");
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
                moved = qualityKept ? easy(moved, moved.distanceM()) : moved;
                qualityKept = true;
            }
            out.add(moved);
        }
        List<PlanWeek> weeks = new ArrayList<>(plan.weeks());
        weeks.set(next, new PlanWeek(target.index(), target.start(), target.phase(), target.cutBack(), out));
        return plan.withWeeks(weeks);
    }

    private static PlannedSession easy(PlannedSession s, double distanceM) {
        return PlannedSession.easy(s.date(), SessionKind.EASY, distanceM, Double.NaN, Double.NaN, false);
    }

    private static List<PlanWeek> mapSessions(TrainingPlan plan, java.util.function.UnaryOperator<PlannedSession> f) {
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

    private static Proposal withGuardrails(TrainingPlan changed, String reason) {
        List<PlanGuardrails.Violation> v = PlanGuardrails.check(changed);
        if (!v.isEmpty()) {
            return Proposal.advice("I can't make that change: it would break a guardrail (" + v.get(0).detail() + " on "
                    + v.get(0).date() + ").");
        }
        return new Proposal(Optional.of(changed), reason);
    }
}
