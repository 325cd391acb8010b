package ai.pace42.coach.answer;

import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.analysis.RunAnalysis;
import ai.pace42.coach.analysis.TrainingPaces;
import ai.pace42.coach.chart.WeeklyVolumeChart;
import ai.pace42.coach.fitness.RacePredictor;
import ai.pace42.coach.fitness.RaceTime;
import ai.pace42.coach.fitness.ThresholdResolver;
import ai.pace42.coach.fitness.TimeOff;
import ai.pace42.coach.fitness.WeekSummary;
import ai.pace42.coach.intent.DistanceParser;
import ai.pace42.coach.model.ValueSource;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/** Forward-looking answers: race predictions, VO2max, and whether a weekly distance goal is safe. */
public final class PlanningReports {

    static final double[] STANDARD = {5000, 10_000, DistanceParser.HALF_MARATHON_M, DistanceParser.MARATHON_M};

    private PlanningReports() {
    }

    private static AnswerText start(CoachContext ctx) {
        AnswerText t = new AnswerText();
        if (ctx.source().isSample()) {
            t.preface(ctx.samplePreface());
        }
        return t;
    }

    public static CoachAnswer predict(CoachContext ctx, OptionalDouble distance) {
        Format f = ctx.format();
        AnswerText t = start(ctx);
        Optional<ThresholdResolver.VdotEstimate> best = ThresholdResolver.VdotEstimate.best(recentActivities(ctx, 120));
        if (best.isEmpty()) {
            t.observe("I cannot predict a race time yet: there is no race or hard effort of 3 km or more in your last 120 days.");
            t.observe("Run a 5 km time trial (or enter a parkrun) and I will predict every distance from it.");
            return CoachAnswer.text(t.render());
        }
        ThresholdResolver.VdotEstimate e = best.get();
        double weeklyKm = weeklyKm(ctx, 6);
        double longestKm = ctx.history().longestBefore(ctx.now().plusSeconds(1), 70) / 1000;
        t.observe("Based on your " + (e.race() ? "race" : "best effort") + " of " + f.distance(e.distanceM()) + " in " + Format.clock(e.timeS())
                + e.from().start().map(s -> " on " + f.day(s)).orElse("") + " (VDOT " + Format.one(e.vdot()) + ")"
                + (e.race() ? "." : "; a training effort usually understates what you can race."));
        double[] targets = distance.isPresent() ? new double[] {distance.getAsDouble()} : STANDARD;
        for (double d : targets) {
            RaceTime rt = RacePredictor.predict(DistanceParser.name(d), d, e.vdot(), e.distanceM(), e.timeS(), weeklyKm, longestKm);
            StringBuilder sb = new StringBuilder("**").append(RunReport.capitalise(rt.name())).append("**: ");
            if (rt.adjusted()) {
                sb.append("about ").append(Format.clock(rt.adjustedTimeS())).append(" (").append(f.pace(d / rt.adjustedTimeS()))
                        .append(") as an estimate for your current training; ceiling with specific preparation ")
                        .append(Format.clock(Math.min(rt.vdotTimeS(), rt.riegelTimeS()))).append(" (VDOT ").append(Format.clock(rt.vdotTimeS()))
                        .append(", Riegel ").append(Format.clock(rt.riegelTimeS())).append(").");
            } else {
                sb.append(Format.clock(rt.vdotTimeS())).append(" (").append(f.pace(d / rt.vdotTimeS())).append(") by VDOT, ")
                        .append(Format.clock(rt.riegelTimeS())).append(" by Riegel.");
            }
            t.observe(sb.toString());
        }
        t.observe(String.format(Locale.ROOT, "Training behind it: %s a week over the last 6 weeks, longest run %s in the last 10 weeks.",
                f.distance(weeklyKm * 1000), f.distance(longestKm * 1000)));
        t.describe("VDOT times use Daniels and Gilbert's oxygen-cost model; Riegel scales your time by distance^1.06. Both assume specific "
                + "preparation and are too fast for many recreational half and full marathons, so for those distances the estimate adds a "
                + "penalty for weekly volume and long-run length (a pace42 heuristic, labelled as an estimate).");
        return new CoachAnswer(t.render(), List.of(WeeklyVolumeChart.render(ctx.status().weeks(), f)));
    }

    public static CoachAnswer vo2max(CoachContext ctx) {
        AnswerText t = start(ctx);
        var profileVo2 = ctx.source().profile().vo2max();
        if (profileVo2.isPresent()) {
            t.observe("Your VO2max is " + Format.one(profileVo2.get().value()) + " ml/kg/min (" + profileVo2.get().source().phrase() + ").");
        } else {
            t.observe("Your VO2max is unknown: no device VO2max has been synced, and I will not guess one.");
            // Only a race gives a VDOT worth quoting here; an estimate from training runs would read like a guess.
            ThresholdResolver.VdotEstimate.best(recentActivities(ctx, 120)).filter(ThresholdResolver.VdotEstimate::race)
                    .ifPresent(e -> t.observe("What I do have is a VDOT of " + Format.one(e.vdot()) + " from your race of "
                            + ctx.format().distance(e.distanceM()) + ": a performance-based equivalent used for paces and predictions, not a lab VO2max."));
            t.observe("To get one: race or time-trial 5 km all-out (I turn that into a VDOT), or let a Garmin watch estimate VO2max from runs with heart rate and sync it.");
        }
        return CoachAnswer.text(t.render());
    }

    public static CoachAnswer volumeGoal(CoachContext ctx, double goalM) {
        Format f = ctx.format();
        AnswerText t = start(ctx);
        Optional<RunAnalysis> last = ctx.history().latest();
        if (last.isEmpty()) {
            t.observe("Not yet: I have no runs from you, so start with 20–30-minute easy runs and build from there.");
            return CoachAnswer.text(t.render());
        }
        long daysOff = ChronoUnit.DAYS.between(ctx.history().dateOf(last.get()), ctx.today());
        double before = weeklyKmBefore(ctx, last.get(), 4) * 1000;
        double longest30 = ctx.history().longestBefore(ctx.now(), 30);
        if (daysOff >= 14) {
            double factor = TimeOff.vdotFactor(daysOff, false);
            double[] share = TimeOff.firstWeekShare(daysOff);
            t.observe("**Not yet.** Your last run was " + daysOff + " days ago; jumping straight to " + f.distance(goalM)
                    + " a week is the kind of spike that leads to injury.");
            t.observe("Week 1: about " + f.distance(before * share[0]) + "–" + f.distance(before * share[1]) + " ("
                    + Format.pct(share[0]) + "–" + Format.pct(share[1]) + " of the " + f.distance(before) + " a week you ran before the break), "
                    + "then build over 3–4 weeks.");
            t.observe("Your 30-day longest run is " + f.distance(longest30) + ", so start with 20–30-minute easy runs.");
            t.observe(String.format(Locale.ROOT, "After %d days off, fitness is about %.3f of what it was (Daniels' time-off factor)", daysOff, factor)
                    + ctx.thresholds().vdot().map(v -> ", so train at paces for VDOT " + Format.one(v.value() * factor) + ": easy "
                    + f.paceRange(TrainingPaces.forVdot(v.value() * factor).easyFastSpeed(), TrainingPaces.forVdot(v.value() * factor).easySlowSpeed())).orElse("")
                    + ".");
            t.observe("Before you start, one question. Any remaining symptoms, such as fever, cough or chest symptoms?");
            return new CoachAnswer(t.render(), List.of(WeeklyVolumeChart.render(ctx.status().weeks(), f)));
        }
        List<WeekSummary> weeks = ctx.status().weeks();
        double lastWeek = weeks.size() >= 2 ? weeks.get(weeks.size() - 2).distanceM() : before;
        double increase = lastWeek > 0 ? (goalM / lastWeek - 1) * 100 : Double.NaN;
        if (Double.isNaN(increase) || increase > 30) {
            t.observe("**Not this week.** " + f.distance(goalM) + " would be " + (Double.isNaN(increase) ? "a big jump" : Format.whole(increase) + "% more")
                    + " than last week's " + f.distance(lastWeek) + "; above +30% is where injury risk clearly rises.");
            t.observe("Aim for about " + f.distance(lastWeek * 1.1) + " this week (+10%) and hold each step for 2–3 weeks.");
        } else if (increase > 10) {
            t.observe("**Possible, with care.** " + f.distance(goalM) + " is " + Format.whole(increase) + "% more than last week's "
                    + f.distance(lastWeek) + " (guide: +10%, hard cap +30%). Add the distance to easy runs, not to the long run or quality sessions.");
        } else {
            t.observe("**Yes.** " + f.distance(goalM) + " is within 10% of last week's " + f.distance(lastWeek) + ".");
        }
        t.observe("Whatever the weekly total, keep any single run under " + f.distance(longest30 * 1.1) + " (110% of your 30-day longest, "
                + f.distance(longest30) + ").");
        return new CoachAnswer(t.render(), List.of(WeeklyVolumeChart.render(weeks, f)));
    }

    private static List<ai.pace42.coach.model.Activity> recentActivities(CoachContext ctx, int days) {
        return ctx.history().between(ctx.now().minus(Duration.ofDays(days)), ctx.now().plusSeconds(1)).stream()
                .map(RunAnalysis::activity).toList();
    }

    private static double weeklyKm(CoachContext ctx, int weeks) {
        return ctx.history().between(ctx.now().minus(Duration.ofDays(7L * weeks)), ctx.now().plusSeconds(1)).stream()
                .mapToDouble(r -> Double.isNaN(r.distanceM()) ? 0 : r.distanceM()).sum() / 1000 / weeks;
    }

    private static double weeklyKmBefore(CoachContext ctx, RunAnalysis last, int weeks) {
        var end = ctx.history().startOf(last).plusSeconds(1);
        return ctx.history().between(end.minus(Duration.ofDays(7L * weeks)), end).stream()
                .mapToDouble(r -> Double.isNaN(r.distanceM()) ? 0 : r.distanceM()).sum() / 1000 / weeks;
    }
}
