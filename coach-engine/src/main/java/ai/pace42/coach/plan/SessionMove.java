package ai.pace42.coach.plan;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * "Move Thursday's workout to Friday": the next session on that weekday goes to the following day named. When the
 * day already holds a session the two swap; when the result would break a guardrail the runner is told which one,
 * and offered the nearest day that keeps every guardrail, or else the asked-for day as an easy run of the same
 * distance. Every offer is a proposal like any other: nothing changes before yes.
 */
final class SessionMove {

    /** How far from the asked-for day an alternative may be. */
    static final int ALTERNATIVE_DAYS = 3;

    private SessionMove() {
    }

    static PlanAdapter.Proposal propose(TrainingPlan plan, DayOfWeek from, DayOfWeek to, LocalDate today) {
        Optional<PlannedSession> session = plan.sessions().stream()
                .filter(s -> !s.date().isBefore(today) && s.date().getDayOfWeek() == from && s.kind() != SessionKind.RACE).findFirst();
        if (session.isEmpty()) {
            return PlanAdapter.Proposal.advice("There is no session on a " + PlanReplies.dayName(from) + " ahead of you to move.");
        }
        PlannedSession s = session.get();
        LocalDate target = s.date().with(TemporalAdjusters.next(to));
        if (!target.isBefore(plan.request().raceDate())) {
            return PlanAdapter.Proposal.advice("I can't move it to " + target + ": that is " + (target.equals(plan.request().raceDate())
                    ? "your race day." : "after your race."));
        }
        Optional<PlannedSession> there = plan.on(target);
        if (there.isPresent() && there.get().kind() == SessionKind.RACE) {
            return PlanAdapter.Proposal.advice("I can't move it to " + target + ": that is your race day.");
        }
        TrainingPlan moved = moveTo(plan, s, target);
        String what = there.map(x -> "Your " + s.kind().label() + " moves from " + s.date() + " to " + target + " and the "
                + x.kind().label() + " of " + target + " takes its place.").orElse("Your " + s.kind().label() + " moves from "
                + s.date() + " to " + target + ".");
        List<PlanGuardrails.Violation> broken = PlanGuardrails.check(moved);
        if (broken.isEmpty()) {
            return PlanAdapter.withGuardrails(today, plan, moved, what);
        }
        String why = "Moving your " + s.kind().label() + " to " + target + " would break a guardrail: " + rule(broken.get(0)) + ".";
        Optional<LocalDate> other = alternative(plan, s, target, today);
        if (other.isPresent()) {
            return PlanAdapter.withGuardrails(today, plan, moveTo(plan, s, other.get()), why + " Instead I can move it to " + other.get()
                    + ", the nearest day that keeps every guardrail.");
        }
        if (s.kind().quality() && there.isEmpty()) {
            TrainingPlan easier = moveTo(plan, PlanAdapter.easy(plan, s, SessionKind.EASY, s.distanceM()), s, target);
            PlanAdapter.Proposal p = PlanAdapter.withGuardrails(today, plan, easier, why + " Instead I can move it to " + target
                    + " as an easy run of the same distance (the " + s.kind().label() + " is dropped this week, not made up).");
            if (p.plan().isPresent()) {
                return p;
            }
        }
        return PlanAdapter.Proposal.advice(why + " No nearby day keeps the guardrails, so the plan stays as it is.");
    }

    /** The nearest free day to {@code target} (ahead of today, before the race) where the moved session breaks nothing. */
    private static Optional<LocalDate> alternative(TrainingPlan plan, PlannedSession s, LocalDate target, LocalDate today) {
        List<LocalDate> days = new ArrayList<>();
        for (int d = -ALTERNATIVE_DAYS; d <= ALTERNATIVE_DAYS; d++) {
            LocalDate day = target.plusDays(d);
            if (d != 0 && !day.isBefore(today) && day.isBefore(plan.request().raceDate()) && !day.equals(s.date())
                    && plan.on(day).isEmpty()) {
                days.add(day);
            }
        }
        days.sort(Comparator.comparingLong((LocalDate day) -> Math.abs(ChronoUnit.DAYS.between(target, day)))
                .thenComparing(Comparator.reverseOrder()));
        return days.stream().filter(day -> PlanGuardrails.check(moveTo(plan, s, day)).isEmpty()).findFirst();
    }

    private static String rule(PlanGuardrails.Violation v) {
        return switch (v.rule()) {
            case HARD_DAY_SPACING -> "hard days need 48 h between them (the " + v.detail() + " on " + v.date() + ")";
            case QUALITY_PER_WEEK -> "at most " + Guardrail.MAX_QUALITY + " quality sessions a week (the week of " + v.date()
                    + " would have " + v.detail() + ")";
            default -> v.detail() + " on " + v.date();
        };
    }

    private static TrainingPlan moveTo(TrainingPlan plan, PlannedSession s, LocalDate target) {
        return moveTo(plan, s, s, target);
    }

    /** {@code s} leaves its day and {@code placed} lands on {@code target}; a session already there takes s's day. */
    private static TrainingPlan moveTo(TrainingPlan plan, PlannedSession placed, PlannedSession s, LocalDate target) {
        Optional<PlannedSession> there = plan.on(target);
        List<PlannedSession> all = new ArrayList<>();
        for (PlannedSession x : plan.sessions()) {
            if (x.equals(s)) {
                all.add(placed.on(target));
            } else if (there.isPresent() && x.equals(there.get())) {
                all.add(x.on(s.date()));
            } else {
                all.add(x);
            }
        }
        List<PlanWeek> weeks = new ArrayList<>();
        for (PlanWeek w : plan.weeks()) {
            List<PlannedSession> in = all.stream().filter(x -> !x.date().isBefore(w.start()) && !x.date().isAfter(w.end()))
                    .sorted(Comparator.comparing(PlannedSession::date)).toList();
            weeks.add(new PlanWeek(w.index(), w.start(), w.phase(), w.cutBack(), in));
        }
        return plan.withWeeks(weeks);
    }
}
