package ai.pace42.coach.answer;

import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.analysis.RunAnalysis;
import ai.pace42.coach.analysis.SessionType;
import ai.pace42.coach.analysis.ZoneDistribution;
import ai.pace42.coach.analysis.ZoneTime;
import ai.pace42.coach.chart.FitnessChart;
import ai.pace42.coach.chart.RecentRunsChart;
import ai.pace42.coach.chart.WeeklyVolumeChart;
import ai.pace42.coach.chart.ZonesChart;
import ai.pace42.coach.fitness.FitnessDay;
import ai.pace42.coach.fitness.LoadStatus;
import ai.pace42.coach.fitness.ThresholdResolver;
import ai.pace42.coach.fitness.WeekSummary;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Locale;

/** Answers about several runs: comparison, fitness trend, weekly summary, paces and zones. */
public final class HistoryReports {

    private HistoryReports() {
    }

    private static AnswerText start(CoachContext ctx) {
        AnswerText t = new AnswerText();
        if (ctx.source().isSample()) {
            t.preface(ctx.samplePreface());
        }
        return t;
    }

    public static CoachAnswer compare(CoachContext ctx, int count) {
        Format f = ctx.format();
        List<RunAnalysis> runs = ctx.runs();
        List<RunAnalysis> last = runs.subList(Math.max(0, runs.size() - count), runs.size());
        AnswerText t = start(ctx);
        List<RunAnalysis> newestFirst = new ArrayList<>(last);
        java.util.Collections.reverse(newestFirst);
        for (RunAnalysis r : newestFirst) {
            StringBuilder sb = new StringBuilder("**").append(r.activity().start().map(f::day).orElse("?")).append("**: ")
                    .append(r.type().label()).append(", ").append(f.distance(r.distanceM()));
            r.averageSpeed().toOptional().ifPresent(v -> sb.append(" at ").append(f.pace(v)));
            sb.append(r.averageHr().toOptional().map(h -> ", " + Format.bpm(h)).orElse(", no usable HR"));
            sb.append(", load ").append(Format.whole(r.load().value()));
            r.decoupling().toOptional().filter(d -> d.percent() >= 5).ifPresent(d -> sb.append(", HR drift ").append(Format.one(d.percent())).append('%'));
            t.observe(sb.append('.').toString());
        }
        long hard = last.stream().filter(r -> r.type().hard()).count();
        t.observe(hard + " of these " + last.size() + " runs were moderate or hard"
                + (hard >= 2 && last.size() <= 3 ? ": give the next day an easy run." : "; the rest were easy or long, which keeps the key sessions effective."));
        List<RunAnalysis> easy = last.stream().filter(r -> r.type() == SessionType.EASY && r.efficiencyFactor().isKnown()).toList();
        if (easy.size() >= 2) {
            RunAnalysis a = easy.get(0), b = easy.get(easy.size() - 1);
            t.describe("Efficiency factor on the easy runs went from " + Format.two(a.efficiencyFactor().get()) + " to "
                    + Format.two(b.efficiencyFactor().get()) + " m/min per bpm (higher means more speed for the same heart rate).");
        }
        t.describe("Each run was classified before comparing (" + last.stream().map(r -> r.type().label()).distinct()
                .reduce((x, y) -> x + ", " + y).orElse("") + "), so an interval session is not judged like an easy run. "
                + "Load is HRSS from heart rate where it was reliable, otherwise pace-based.");
        return new CoachAnswer(t.render(), List.of(RecentRunsChart.render(last, f)));
    }

    public static CoachAnswer trend(CoachContext ctx) {
        Format f = ctx.format();
        LoadStatus s = ctx.status();
        FitnessDay today = s.today();
        AnswerText t = start(ctx);
        double fitness42 = s.days().size() > 42 ? s.days().get(s.days().size() - 43).fitness() : Double.NaN;
        t.observe(String.format(Locale.ROOT, "Fitness %.0f%s, fatigue %.0f, form %.0f%s.", today.fitness(),
                Double.isNaN(fitness42) ? "" : String.format(Locale.ROOT, " (%s%.0f over 6 weeks)", today.fitness() >= fitness42 ? "+" : "", today.fitness() - fitness42),
                today.fatigue(), today.form(), formMeaning(today.form())));
        if (!Double.isNaN(s.rampPerWeek())) {
            t.observe(String.format(Locale.ROOT, "Fitness ramp %+.1f points over the last 7 days%s.", s.rampPerWeek(),
                    s.rampPerWeek() > 8 ? ": above the 8-point guide, so hold this load for a week" : s.rampPerWeek() < -3 ? ": a lighter stretch, fine after a block or race" : ", inside the 5–8-point guide"));
        }
        List<WeekSummary> weeks = s.weeks();
        if (weeks.size() >= 8) {
            double recent = avgKm(weeks.subList(weeks.size() - 4, weeks.size()));
            double before = avgKm(weeks.subList(weeks.size() - 8, weeks.size() - 4));
            t.observe("Volume: " + f.distance(recent * 1000) + " a week over the last 4 weeks versus " + f.distance(before * 1000) + " in the 4 before ("
                    + String.format(Locale.ROOT, "%+.0f%%", (recent / before - 1) * 100) + ").");
        }
        efTrend(ctx).ifPresent(t::observe);
        if (!Double.isNaN(s.monotony())) {
            t.observe(String.format(Locale.ROOT, "Monotony %.2f this week (%s) and strain %.0f.", s.monotony(),
                    s.monotony() < 1.5 ? "varied, good" : s.monotony() <= 2 ? "watch it" : "high: vary hard and easy days more", s.strain()));
        }
        t.describe("Fitness is the 42-day and fatigue the 7-day exponentially weighted average of daily load (k = 1 − e^(−1/42) and 1 − e^(−1/7)), "
                + "starting from 0 on your first run in the window; form is yesterday's fitness minus yesterday's fatigue. "
                + (s.warmingUp() ? "With less than 6 weeks of history these numbers are still warming up. " : "")
                + "Daily load is HRSS from heart rate (100 = an hour at threshold), or pace-based load on runs without reliable heart rate.");
        return new CoachAnswer(t.render(), List.of(FitnessChart.render(s.days())));
    }

    private static String formMeaning(double form) {
        if (form < -30) {
            return ": below −30, high risk, so no quality until it recovers";
        }
        if (form < -10) {
            return ": the productive training range (−10 to −30)";
        }
        if (form <= 5) {
            return ": neutral";
        }
        return ": fresh, a good state to race or test";
    }

    private static java.util.Optional<String> efTrend(CoachContext ctx) {
        Format f = ctx.format();
        List<RunAnalysis> easy = ctx.runs().stream().filter(r -> r.type() == SessionType.EASY && r.efficiencyFactor().isKnown()).toList();
        if (easy.size() < 6) {
            return java.util.Optional.empty();
        }
        double first = easy.subList(0, 3).stream().mapToDouble(r -> r.efficiencyFactor().get()).average().orElse(Double.NaN);
        double last = easy.subList(easy.size() - 3, easy.size()).stream().mapToDouble(r -> r.efficiencyFactor().get()).average().orElse(Double.NaN);
        return java.util.Optional.of("Efficiency on easy runs: " + Format.two(first) + " → " + Format.two(last)
                + " m/min per bpm (first 3 vs last 3 easy runs); " + (last > first * 1.01 ? "rising, so the same heart rate buys more speed."
                : last < first * 0.99 ? "falling slightly; heat, fatigue or a different route can cause this." : "stable."));
    }

    private static double avgKm(List<WeekSummary> weeks) {
        return weeks.stream().mapToDouble(WeekSummary::distanceM).average().orElse(0) / 1000;
    }

    public static CoachAnswer weekly(CoachContext ctx, boolean lastWeek) {
        Format f = ctx.format();
        LocalDate monday = ctx.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        if (lastWeek) {
            monday = monday.minusWeeks(1);
        }
        LocalDate start = monday;
        List<RunAnalysis> runs = ctx.runs().stream().filter(r -> {
            LocalDate d = ctx.history().dateOf(r);
            return !d.isBefore(start) && d.isBefore(start.plusDays(7));
        }).toList();
        WeekSummary prev = ctx.status().weeks().stream().filter(w -> w.weekStart().equals(start.minusWeeks(1))).findFirst().orElse(null);
        AnswerText t = start(ctx);
        double dist = runs.stream().mapToDouble(r -> Double.isNaN(r.distanceM()) ? 0 : r.distanceM()).sum();
        double time = runs.stream().mapToDouble(RunAnalysis::movingS).sum();
        t.observe("**Week of " + f.day(start) + (lastWeek ? "" : " (so far)") + "**: " + runs.size() + " runs, " + f.distance(dist)
                + " in " + Format.clock(time) + ".");
        if (prev != null && prev.distanceM() > 0) {
            if (lastWeek) {
                double change = (dist / prev.distanceM() - 1) * 100;
                t.observe(String.format(Locale.ROOT, "%s%.0f%% versus the week before (%s)%s.", change >= 0 ? "+" : "", change,
                        f.distance(prev.distanceM()), change > 10 ? ": above the 10% guide" : ""));
            } else {
                t.observe("Last week you ran " + f.distance(prev.distanceM()) + "; +10% would be " + f.distance(prev.distanceM() * 1.1) + " for this week.");
            }
        }
        List<RunAnalysis> qualityRuns = runs.stream().filter(r -> r.type().quality()).toList();
        t.observe(qualityRuns.isEmpty() ? "No quality sessions" + (lastWeek ? "." : " yet this week.")
                : qualityRuns.size() + " quality session" + (qualityRuns.size() == 1 ? "" : "s") + " (" + qualityRuns.stream()
                .map(r -> r.type().label()).reduce((a, b) -> a + ", " + b).orElse("") + ")"
                + (qualityRuns.size() > 2 ? ": more than the 2 a week most runners recover from." : "."));
        if (lastWeek) {
            runs.stream().filter(r -> r.type() == SessionType.LONG).reduce((a, b) -> b).ifPresent(l ->
                    t.observe("Long run " + f.distance(l.distanceM()) + ", " + Format.pct(dist > 0 ? l.distanceM() / dist : 0) + " of the week (guide: at most 35%)."));
        }
        double[] split = new double[3];
        for (RunAnalysis r : runs) {
            double[] s = ai.pace42.coach.fitness.LoadStatusCalculator.intensitySplit(r);
            split[0] += s[0];
            split[1] += s[1];
            split[2] += s[2];
        }
        double total = split[0] + split[1] + split[2];
        if (total > 0) {
            t.observe("Intensity by time: " + Format.pct(split[0] / total) + " low, " + Format.pct(split[1] / total) + " moderate, "
                    + Format.pct(split[2] / total) + " high (about 80% low is the usual guide).");
        }
        t.describe("Weeks run Monday to Sunday in your time zone. Intensity uses heart-rate zones (Friel, by LTHR) where heart rate was reliable, "
                + "otherwise the session type of the whole run.");
        return new CoachAnswer(t.render(), List.of(WeeklyVolumeChart.render(ctx.status().weeks(), f)));
    }

    public static CoachAnswer paces(CoachContext ctx) {
        Format f = ctx.format();
        var th = ctx.thresholds();
        AnswerText t = start(ctx);
        var paces = th.paces();
        if (paces.isPresent()) {
            var p = paces.get();
            String source = th.vdot().get().source().phrase();
            t.observe("VDOT " + Format.one(p.vdot()) + " (" + source + ")" + vdotEvidence(ctx) + ".");
            t.observe("Easy " + f.paceRange(p.easyFastSpeed(), p.easySlowSpeed()) + ", marathon " + f.pace(p.marathonSpeed()) + ".");
            t.observe("Threshold " + f.pace(p.thresholdSpeed()) + ", interval " + f.pace(p.intervalSpeed()) + ", repetition " + f.pace(p.repetitionSpeed()) + ".");
        } else {
            t.observe("Training paces are unknown: I need a race or an all-out effort of 3 km or more to estimate your VDOT. A 5 km time trial is the simplest way to get one.");
        }
        th.effectiveLthr().ifPresent(l -> t.observe("Heart-rate zones (Friel, LTHR " + Format.bpm(l) + ", "
                + th.lthr().map(v -> v.source().phrase()).orElse("estimated from your maximum heart rate") + "): Z1 under " + Format.whole(0.85 * l)
                + ", Z2 " + Format.whole(0.85 * l) + "–" + Format.whole(0.89 * l) + ", Z3 " + Format.whole(0.90 * l) + "–" + Format.whole(0.94 * l)
                + ", Z4 " + Format.whole(0.95 * l) + "–" + Format.whole(0.99 * l) + ", Z5 " + Format.whole(l) + "+ bpm."));
        if (th.effectiveLthr().isEmpty()) {
            t.observe("Heart-rate zones are unknown: set your maximum or threshold heart rate, or run with a heart-rate sensor so I can estimate it"
                    + highestRecordedHr(ctx).map(h -> "; your highest recorded heart rate is " + Format.bpm(h)
                            + ", so your maximum is at least that (" + ThresholdResolver.MIN_RUNS_FOR_ESTIMATES
                            + " runs over 4 weeks let me estimate it)").orElse("") + ".");
        }
        th.maxHr().ifPresent(m -> t.observe("Maximum heart rate " + Format.bpm(m.value()) + " (" + m.source().phrase() + ")."));
        ZoneDistribution recent = recentZones(ctx);
        t.describe("Paces follow Daniels' VDOT formulas (easy shown as the conservative part of the E band). Heart-rate and pace zones are kept as "
                + "separate evidence: easy by heart rate but fast by pace means good fitness; the reverse points to heat, fatigue or a poor HR signal.");
        List<ai.pace42.coach.ChartImage> charts = recent.totalSeconds() > 0
                ? List.of(ZonesChart.render(recent, recent.system().startsWith("Friel") ? "Time in HR zones, last 28 days" : "Time in pace zones, last 28 days"))
                : List.of();
        return new CoachAnswer(t.render(), charts);
    }

    /** The highest heart rate any analysed run recorded: a lower bound of the maximum, never the maximum itself. */
    private static Optional<Double> highestRecordedHr(CoachContext ctx) {
        return ctx.runs().stream().map(r -> r.maxHr().toOptional()).flatMap(Optional::stream)
                .filter(h -> h > 0).max(Double::compare);
    }

    private static String vdotEvidence(CoachContext ctx) {
        if (ctx.thresholds().vdot().map(v -> v.source() != ai.pace42.coach.model.ValueSource.ESTIMATED).orElse(true)) {
            return "";
        }
        var best = ai.pace42.coach.fitness.ThresholdResolver.VdotEstimate.best(ctx.runs().stream().map(RunAnalysis::activity).toList());
        return best.map(b -> ", from your " + (b.race() ? "race" : "best effort") + " of " + ctx.format().distance(b.distanceM()) + " in "
                + Format.clock(b.timeS()) + b.from().start().map(s -> " on " + ctx.format().day(s)).orElse("")).orElse("");
    }

    /** HR zone time summed over the last 28 days (pace zones when no run had reliable HR). */
    static ZoneDistribution recentZones(CoachContext ctx) {
        List<RunAnalysis> recent = ctx.history().between(ctx.now().minus(Duration.ofDays(28)), ctx.now().plusSeconds(1));
        ZoneDistribution hr = sum(recent, true);
        return hr.totalSeconds() > 0 ? hr : sum(recent, false);
    }

    private static ZoneDistribution sum(List<RunAnalysis> runs, boolean hr) {
        double[] secs = null;
        List<ZoneTime> names = null;
        String system = hr ? "Friel HR zones" : "Daniels pace zones";
        for (RunAnalysis r : runs) {
            var z = hr ? r.hrZones() : r.paceZones();
            if (!z.isKnown()) {
                continue;
            }
            if (secs == null) {
                secs = new double[z.get().zones().size()];
                names = z.get().zones();
                system = z.get().system();
            }
            for (int i = 0; i < secs.length; i++) {
                secs[i] += z.get().zones().get(i).seconds();
            }
        }
        if (secs == null) {
            return new ZoneDistribution(system, List.of());
        }
        List<ZoneTime> out = new ArrayList<>();
        for (int i = 0; i < secs.length; i++) {
            out.add(new ZoneTime(names.get(i).name(), names.get(i).lower(), names.get(i).upper(), secs[i]));
        }
        return new ZoneDistribution(system, out);
    }
}
