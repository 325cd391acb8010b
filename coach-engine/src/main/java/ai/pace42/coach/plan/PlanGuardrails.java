package ai.pace42.coach.plan;

import ai.pace42.coach.analysis.TrainingPaces;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Checks a plan against every {@link Guardrail}. The generator runs it on everything it makes and every
 * adaptation runs it on the changed plan, so no path produces a plan that breaks one. It reads only the sessions'
 * dates and distances, never the labels the generator gave its weeks.
 */
public final class PlanGuardrails {

    /** Rounding slack: one metre. */
    private static final double SLACK_M = 1;

    public record Violation(Guardrail rule, LocalDate date, String detail) {
    }

    private PlanGuardrails() {
    }

    public static List<Violation> check(TrainingPlan plan) {
        List<Violation> out = new ArrayList<>();
        spikes(plan, out);
        qualityPerWeek(plan, out);
        spacing(plan, out);
        ramp(plan, out);
        cutBacks(plan, out);
        taper(plan, out);
        restDays(plan, out);
        return out;
    }

    /**
     * Weeks that rise more than {@code limit} over the higher of the two weeks before (the same reference as the
     * ramp guardrail), e.g. Nielsen's +30 % block for a plan that an adaptation only made lighter.
     */
    public static List<Violation> rampsAbove(TrainingPlan plan, double limit) {
        List<Violation> out = new ArrayList<>();
        double baseline = baselineWeeklyM(plan.fitness());
        double previous = baseline, beforeThat = baseline;
        for (PlanWeek w : plan.weeks()) {
            double reference = Math.max(previous, beforeThat);
            if (w.volumeM() > reference * (1 + limit) + SLACK_M) {
                out.add(new Violation(Guardrail.WEEKLY_RAMP, w.start(), String.format(Locale.ROOT,
                        "%.1f km after %.1f km", w.volumeM() / 1000, reference / 1000)));
            }
            beforeThat = previous;
            previous = w.volumeM();
        }
        return out;
    }

    /** The longest run {@code day} may hold: 110% of the longest in the 30 days before it, or a 30-minute run. */
    public static double allowedRunM(TrainingPlan plan, LocalDate day) {
        return allowedRunM(plan.fitness(), plan.sessions(), day);
    }

    static double allowedRunM(CurrentFitness fitness, List<PlannedSession> planned, LocalDate day) {
        LocalDate from = day.minusDays(30);
        double longest = 0;
        for (PastRun r : fitness.recentRuns()) {
            if (!r.date().isBefore(from) && r.date().isBefore(day)) {
                longest = Math.max(longest, r.distanceM());
            }
        }
        for (PlannedSession s : planned) {
            if (s.kind() != SessionKind.RACE && !s.date().isBefore(from) && s.date().isBefore(day)) {
                longest = Math.max(longest, s.distanceM());
            }
        }
        return longest > 0 ? Guardrail.SPIKE_FACTOR * longest : noBaselineRunM(fitness);
    }

    static double noBaselineRunM(CurrentFitness fitness) {
        return fitness.vdot().isPresent()
                ? Guardrail.NO_BASELINE_RUN_S * TrainingPaces.forVdot(fitness.vdot().getAsDouble()).easySlowSpeed()
                : Guardrail.NO_BASELINE_RUN_M;
    }

    /** The weekly volume week 0 is ramped from. */
    public static double baselineWeeklyM(CurrentFitness fitness) {
        return Math.max(fitness.weeklyM(), Guardrail.BASELINE_FLOOR_M);
    }

    private static void spikes(TrainingPlan plan, List<Violation> out) {
        for (PlannedSession s : plan.sessions()) {
            if (s.kind() == SessionKind.RACE) {
                continue;
            }
            double allowed = allowedRunM(plan, s.date());
            if (s.distanceM() > allowed + SLACK_M) {
                out.add(new Violation(Guardrail.LONG_RUN_SPIKE, s.date(), String.format(Locale.ROOT,
                        "%s of %.1f km is above the %.1f km the 30-day longest allows", s.kind().label(),
                        s.distanceM() / 1000, allowed / 1000)));
            }
        }
    }

    private static void qualityPerWeek(TrainingPlan plan, List<Violation> out) {
        for (PlanWeek w : plan.weeks()) {
            if (w.qualityCount() > Guardrail.MAX_QUALITY) {
                out.add(new Violation(Guardrail.QUALITY_PER_WEEK, w.start(), w.qualityCount() + " quality sessions"));
            }
        }
    }

    private static void spacing(TrainingPlan plan, List<Violation> out) {
        List<PlannedSession> hard = plan.sessions().stream().filter(s -> s.kind().hard())
                .sorted(Comparator.comparing(PlannedSession::date)).toList();
        for (int i = 1; i < hard.size(); i++) {
            long gap = ChronoUnit.DAYS.between(hard.get(i - 1).date(), hard.get(i).date());
            if (gap < Guardrail.MIN_HARD_DAY_GAP_DAYS) {
                out.add(new Violation(Guardrail.HARD_DAY_SPACING, hard.get(i).date(), hard.get(i).kind().label()
                        + " " + gap * 24 + " h after the " + hard.get(i - 1).kind().label()));
            }
        }
    }

    /** The reference is the higher of the two weeks before, so returning from a cut-back week is no spike. */
    private static void ramp(TrainingPlan plan, List<Violation> out) {
        out.addAll(rampsAbove(plan, Guardrail.MAX_WEEKLY_RAMP));
    }

    private static void cutBacks(TrainingPlan plan, List<Violation> out) {
        double previous = baselineWeeklyM(plan.fitness());
        int loading = 0;
        for (PlanWeek w : plan.weeks()) {
            boolean lighter = w.volumeM() <= previous * Guardrail.CUT_BACK_MAX_SHARE + SLACK_M;
            loading = lighter ? 0 : loading + 1;
            if (loading > Guardrail.MAX_LOADING_WEEKS) {
                out.add(new Violation(Guardrail.CUT_BACK, w.start(), loading + " loading weeks in a row"));
            }
            previous = w.volumeM();
        }
    }

    private static void taper(TrainingPlan plan, List<Violation> out) {
        List<PlanWeek> weeks = plan.weeks();
        PlanWeek last = weeks.get(weeks.size() - 1);
        boolean racedOnDay = last.sessions().stream()
                .anyMatch(s -> s.kind() == SessionKind.RACE && s.date().equals(plan.request().raceDate()));
        if (!racedOnDay) {
            out.add(new Violation(Guardrail.TAPER, plan.request().raceDate(), "the last week holds no race on race day"));
            return;
        }
        int taperWeeks = RaceCategory.of(plan.request().raceDistanceM()).map(RaceCategory::taperWeeks).orElse(1);
        int firstTaper = weeks.size() - taperWeeks;
        double peak = weeks.subList(0, Math.max(0, firstTaper)).stream().mapToDouble(PlanWeek::volumeM).max().orElse(0);
        if (peak <= 0) {
            out.add(new Violation(Guardrail.TAPER, last.start(), "no training weeks before the taper"));
            return;
        }
        double previous = weeks.get(firstTaper - 1).volumeM();
        for (int i = firstTaper; i < weeks.size(); i++) {
            PlanWeek w = weeks.get(i);
            if (w.volumeM() >= previous - SLACK_M) {
                out.add(new Violation(Guardrail.TAPER, w.start(), "taper week not lighter than the week before"));
            }
            if (i < weeks.size() - 1 && w.qualityCount() == 0) {
                out.add(new Violation(Guardrail.TAPER, w.start(), "taper week without quality (intensity is kept)"));
            }
            previous = w.volumeM();
        }
        double share = last.volumeM() / peak;
        if (share < Guardrail.TAPER_MIN_SHARE - 0.005 || share > Guardrail.TAPER_MAX_SHARE + 0.005) {
            out.add(new Violation(Guardrail.TAPER, last.start(), String.format(Locale.ROOT,
                    "race week at %.0f%% of the peak week (40–60%%)", share * 100)));
        }
    }

    private static void restDays(TrainingPlan plan, List<Violation> out) {
        for (PlanWeek w : plan.weeks()) {
            long days = w.sessions().stream().map(PlannedSession::date).distinct().count();
            if (days > 6) {
                out.add(new Violation(Guardrail.REST_DAY, w.start(), "no rest day"));
            }
        }
    }
}
