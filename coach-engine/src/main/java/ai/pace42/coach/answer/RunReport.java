package ai.pace42.coach.answer;

import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.analysis.Decoupling;
import ai.pace42.coach.analysis.Elevation;
import ai.pace42.coach.analysis.Intervals;
import ai.pace42.coach.analysis.LoadMethod;
import ai.pace42.coach.analysis.Pacing;
import ai.pace42.coach.analysis.QualityFlag;
import ai.pace42.coach.analysis.Rep;
import ai.pace42.coach.analysis.RunAnalysis;
import ai.pace42.coach.analysis.SessionFinding;
import ai.pace42.coach.analysis.SessionType;
import ai.pace42.coach.analysis.Split;
import ai.pace42.coach.analysis.Thresholds;
import ai.pace42.coach.analysis.TrainingPaces;
import ai.pace42.coach.analysis.Vdot;
import ai.pace42.coach.chart.RunChart;
import ai.pace42.coach.fitness.NextRunAdvisor;
import ai.pace42.coach.fitness.Recommendation;
import ai.pace42.coach.fitness.SpikeCheck;
import ai.pace42.coach.fitness.SpikeLevel;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One run in the answer contract: 3–5 observations with numbers, the four-line synthesis, a full description and
 * the run chart. Every comment respects the session type (no pacing critique on intervals, no "go faster" on easy
 * days) and every number comes from the {@link RunAnalysis}.
 */
public final class RunReport {

    static final double HILLY_GAIN_PER_KM = 8;

    private final RunAnalysis r;
    private final CoachContext ctx;
    private final Format f;
    private final Thresholds th;
    private final SpikeCheck spike;

    private RunReport(RunAnalysis r, CoachContext ctx) {
        this.r = r;
        this.ctx = ctx;
        this.f = ctx.format();
        this.th = ctx.thresholds();
        this.spike = ctx.history().spikeCheck(r);
    }

    public static CoachAnswer answer(RunAnalysis r, CoachContext ctx, boolean withChart) {
        RunReport report = new RunReport(r, ctx);
        AnswerText text = report.text();
        return new CoachAnswer(text.render(), withChart ? List.of(RunChart.render(r, ctx.format())) : List.of());
    }

    public static String textOnly(RunAnalysis r, CoachContext ctx) {
        return new RunReport(r, ctx).text().render();
    }

    AnswerText text() {
        AnswerText t = new AnswerText();
        if (ctx.source() != null && ctx.source().isSample()) {
            t.preface(ctx.samplePreface());
        }
        if (notAnalysable()) {
            // Nothing below (zones, splits, a next-session cue) means anything for it: say what it is and why.
            t.observe("**" + capitalise(r.classification().reason()) + ".**");
            t.describe(switch (r.type()) {
                case TOO_SHORT -> "Upload or sync a run of at least 5 minutes and 500 m for a full analysis.";
                case OTHER_SPORT -> "pace42 analyses runs; send a run's FIT, TCX or GPX file for a full analysis.";
                default -> "A recording with distance or pace (GPS, a foot pod or a treadmill) would let me analyse it.";
            });
            return t;
        }
        qualityObservation(t);
        t.observe(headline());
        if (!r.hrZones().isKnown()) { // the coach could not count zones itself: Garmin's count is the evidence
            DeviceZonesText.observation(r.activity().summary().hrZones()).ifPresent(t::observe);
        }
        unlockObservation(t);
        switch (r.type()) {
            case INTERVALS -> intervalObservations(t);
            case RACE -> raceObservations(t);
            case TEMPO, PROGRESSION -> tempoObservations(t);
            case MODERATE -> moderateObservations(t);
            default -> steadyObservations(t);
        }
        spikeObservation(t);
        if (t.observationCount() < 3) {
            loadObservation(t);
        }
        if (t.observationCount() < 3 && r.cadence().isKnown()) {
            t.observe("Cadence averaged " + Math.round(r.cadence().get()) + " spm; cadence rises with speed, so compare it only with runs at a similar pace.");
        }
        t.synthesis("Session diagnosis", diagnosis());
        Limiter limiter = limiter();
        t.synthesis("Primary limiter", limiter.text);
        t.synthesis("Performance lever", lever(limiter));
        t.synthesis("Next execution cue", cue());
        t.describe(description());
        return t;
    }

    private enum Kind { DATA, MISMATCH, PACING, HEAT, DRIFT, SPIKE, REP_FADE, NONE }

    private record Limiter(Kind kind, String text) {
    }

    private void qualityObservation(AnswerText t) {
        if (r.quality().has(QualityFlag.HR_LOCKED_TO_CADENCE)) {
            t.observe("Heart rate looks unreliable on this run: it matched your cadence for "
                    + Format.pct(r.quality().lockedFraction()) + " of the time (HR likely locked to cadence, a known wrist-sensor artefact). "
                    + "HR zones, TRIMP and decoupling were left out and load was estimated from pace (" + Format.whole(r.load().value())
                    + "); consider a chest strap for key workouts.");
        } else if (r.quality().has(QualityFlag.NO_SAMPLES)) {
            t.observe(r.activity().summary().hrZones().isEmpty()
                    ? "Only the summary of this run was available (no per-second data), so splits, zones and drift are unknown."
                    : "Only the summary of this run was available (no per-second data), so splits and drift are unknown.");
        } else if (!r.quality().hrReliable()) {
            t.observe("No usable heart rate on this run, so effort is judged by pace only"
                    + (r.load().method() == LoadMethod.PACE ? " and load was estimated from pace (" + Format.whole(r.load().value()) + ")." : "."));
        }
    }

    /**
     * Without any anchor (profile or enough history) the file can only describe itself: say so once, with its
     * highest heart rate as a lower bound of the maximum, and what would unlock effort and zones.
     */
    private void unlockObservation(AnswerText t) {
        if (th.maxHr().isPresent() || th.lthr().isPresent() || th.vdot().isPresent()) {
            return;
        }
        String peak = r.maxHr().toOptional().map(m -> "; its highest heart rate, " + Format.bpm(m)
                + ", is only a lower bound of your maximum").orElse("");
        t.observe((r.activity().summary().hrZones().isEmpty() ? "Effort and zones are unknown"
                : "Effort and the coach's own zones are unknown") + ": I have no max heart rate, threshold or race result from you and fewer than "
                + ai.pace42.coach.fitness.ThresholdResolver.MIN_RUNS_FOR_ESTIMATES + " runs over 4 weeks" + peak
                + ". A recent race result or a few weeks of runs would let me judge effort.");
    }

    /** Too short, not a run, or without distance: a type and its reason are all there is to say. */
    private boolean notAnalysable() {
        return r.type() == SessionType.TOO_SHORT || r.type() == SessionType.OTHER_SPORT
                || (r.type() == SessionType.UNKNOWN && !(r.distanceM() > 0));
    }

    private String headline() {
        StringBuilder sb = new StringBuilder("**").append(capitalise(r.type().label())).append("** (")
                .append(Format.pct(r.classification().confidence())).append(" confidence): ")
                .append(r.classification().reason()).append("; ");
        sb.append(f.distance(r.distanceM())).append(" in ").append(Format.clock(r.movingS()));
        r.averageSpeed().toOptional().ifPresent(v -> sb.append(" at ").append(f.pace(v)));
        r.averageHr().toOptional().ifPresent(h -> sb.append(", average ").append(Format.bpm(h)));
        return sb.append('.').toString();
    }

    private void steadyObservations(AnswerText t) {
        Optional<Decoupling> dec = r.decoupling().toOptional();
        boolean hot = r.quality().has(QualityFlag.HOT);
        dec.ifPresent(d -> {
            if (d.percent() < 5) {
                t.observe("Decoupling " + Format.one(d.percent()) + "% (efficiency factor " + Format.two(d.efFirstHalf()) + " → "
                        + Format.two(d.efSecondHalf()) + " m/min per bpm): under 5%, so your aerobic base holds at this duration.");
            } else {
                t.observe("Heart rate drifted against pace: decoupling " + Format.one(d.percent()) + "% ("
                        + Format.bpm(d.hrFirstHalf()) + " → " + Format.bpm(d.hrSecondHalf()) + " between halves), beyond the 5% guide.");
                if (hot) {
                    t.observe("It was " + Format.whole(r.temperatureC().getAsDouble()) + " °C: heat, hydration and fuelling are the likely causes. "
                            + "Repeat this run in cooler conditions before drawing conclusions about your base, and practise fuelling on long runs.");
                } else {
                    t.observe("Likely causes are effort above your aerobic threshold, fuelling or accumulated fatigue; one run is not enough to judge your base.");
                }
            }
        });
        if (dec.isEmpty() && r.type() == SessionType.LONG && hot) {
            t.observe("It was " + Format.whole(r.temperatureC().getAsDouble()) + " °C, which raises heart rate at the same pace.");
        }
        hillObservation(t);
        // Pace variability only means something on steady sessions; interval and race reports never call this.
        r.pacing().toOptional().filter(p -> !Double.isNaN(p.splitCv()) && r.elevation().toOptional()
                .map(e -> e.gainPerKm() < HILLY_GAIN_PER_KM).orElse(true)).ifPresent(p -> t.observe(
                "Split variation " + Format.one(p.splitCv() * 100) + "% across full " + f.units().distanceUnit() + " splits ("
                        + (p.splitCv() < 0.03 ? "excellent" : p.splitCv() < 0.05 ? "good" : "uneven for a steady run") + ")."));
        r.hrZones().toOptional().ifPresent(z -> {
            if (r.type() == SessionType.EASY || r.type() == SessionType.RECOVERY) {
                t.observe(Format.pct(z.share(0, 1)) + " of the time in Friel Z1–Z2 (under " + Format.bpm(th.easyCeilingHr().orElse(Double.NaN))
                        + " your easy ceiling), which is what an " + r.type().label() + " is for.");
            }
        });
        if (r.type() == SessionType.LONG) {
            double week = ctx.history().between(ctx.history().startOf(r).minus(Duration.ofDays(6)), ctx.history().startOf(r).plusSeconds(1))
                    .stream().mapToDouble(x -> Double.isNaN(x.distanceM()) ? 0 : x.distanceM()).sum();
            if (week > 0 && !Double.isNaN(r.distanceM())) {
                double share = r.distanceM() / week;
                t.observe("This long run was " + Format.pct(share) + " of your distance over the 7 days up to it (guide: at most 35%)"
                        + (share > 0.35 ? ", so the week leans heavily on one run." : "."));
            }
        }
    }

    private void hillObservation(AnswerText t) {
        Optional<Elevation> el = r.elevation().toOptional();
        if (el.isEmpty() || el.get().gainPerKm() < HILLY_GAIN_PER_KM) {
            return;
        }
        Elevation e = el.get();
        StringBuilder sb = new StringBuilder("Hilly: raw pace ").append(f.pace(e.rawSpeed())).append(", grade-adjusted ")
                .append(f.pace(e.gradeAdjustedSpeed())).append(" over ").append(Format.whole(e.ascentM())).append(" m of climbing");
        Optional<double[]> usual = usualEasy();
        if (usual.isPresent() && r.averageHr().isKnown()) {
            sb.append("; at ").append(Format.bpm(r.averageHr().get())).append(" the effort matched your usual easy runs (")
                    .append(f.pace(usual.get()[0])).append(" at ").append(Format.bpm(usual.get()[1])).append(")");
        }
        t.observe(sb.append(", so the slower pace is terrain, not lost fitness.").toString());
    }

    /** Median grade-adjusted speed and HR of the other easy runs of the last 60 days. */
    private Optional<double[]> usualEasy() {
        var start = ctx.history().startOf(r);
        List<RunAnalysis> easy = ctx.history().between(start.minus(Duration.ofDays(60)), start).stream()
                .filter(x -> x.type() == SessionType.EASY && x.averageHr().isKnown() && x.averageSpeed().isKnown()).toList();
        if (easy.size() < 3) {
            return Optional.empty();
        }
        double[] v = easy.stream().mapToDouble(x -> x.elevation().toOptional().map(Elevation::gradeAdjustedSpeed)
                .orElse(x.averageSpeed().get())).sorted().toArray();
        double[] h = easy.stream().mapToDouble(x -> x.averageHr().get()).sorted().toArray();
        return Optional.of(new double[] {v[v.length / 2], h[h.length / 2]});
    }

    private void moderateObservations(AnswerText t) {
        Optional<Double> lthr = th.effectiveLthr();
        r.averageHr().toOptional().ifPresent(h -> t.observe("Average HR " + Format.bpm(h)
                + lthr.map(l -> " is " + Format.pct(h / l) + " of your LTHR (" + zoneName(h / l) + ")").orElse("")
                + ": moderate-to-threshold effort, harder than easy and easier than a true tempo."));
        String easyLimit = easyLimit();
        if (r.has(SessionFinding.INTENSITY_MISMATCH)) {
            t.observe("Intensity mismatch: this was planned as an easy day but run at threshold-level effort. Easy means " + easyLimit + ".");
        }
        if (r.has(SessionFinding.BACK_TO_BACK_HARD)) {
            t.observe("Back-to-back hard days: it came within 36 hours of another hard session, so tomorrow should be easy or rest.");
        }
        long moderate = ctx.history().between(ctx.history().startOf(r).minus(Duration.ofDays(30)), ctx.history().startOf(r).plusSeconds(1))
                .stream().filter(x -> x.type() == SessionType.MODERATE).count();
        long all = ctx.history().between(ctx.history().startOf(r).minus(Duration.ofDays(30)), ctx.history().startOf(r).plusSeconds(1)).size();
        if (moderate >= 2) {
            t.observe(moderate + " of your " + all + " runs in the last 30 days were in this grey zone: too hard to recover from, too easy to build speed.");
        }
        hillObservation(t);
    }

    private String easyLimit() {
        String pace = th.paces().map(p -> "slower than " + f.pace(p.easyFastSpeed()) + " (your E ceiling)").orElse("");
        String hr = th.easyCeilingHr().map(c -> "HR under " + Format.bpm(c)).orElse("");
        return pace.isEmpty() ? (hr.isEmpty() ? "conversational effort" : hr) : hr.isEmpty() ? pace : pace + " or " + hr;
    }

    private void intervalObservations(AnswerText t) {
        Optional<Intervals> iv = r.intervals().toOptional();
        if (iv.isEmpty()) {
            return;
        }
        Intervals i = iv.get();
        StringBuilder sb = new StringBuilder().append(i.reps().size()).append(" reps averaging ").append(f.pace(i.meanRepSpeed()));
        th.paces().ifPresent(p -> {
            double diff = i.meanRepSpeed() / p.intervalSpeed() - 1;
            sb.append(Math.abs(diff) <= 0.03 ? ", on your I target of " : diff > 0 ? ", faster than your I target of " : ", slower than your I target of ")
                    .append(f.pace(p.intervalSpeed()));
        });
        t.observe(sb.append(i.fromLaps() ? " (reps taken from the device's work laps)." : " (reps found in the pace trace).").toString());
        t.observe("Rep consistency " + i.consistency() + ": rep-pace variation " + Format.one(i.repPaceCv() * 100) + "%; the last rep was "
                + Format.one(Math.abs(i.lastVsFirstPct())) + "% " + (i.lastVsFirstPct() >= 0 ? "slower" : "faster") + " than the first.");
        Rep first = i.reps().get(0), last = i.reps().get(i.reps().size() - 1);
        String peak = Wording.change("Peak HR", first.peakHr(), "rep 1", last.peakHr(), "rep " + i.reps().size());
        if (!peak.isEmpty()) {
            t.observe(peak + (last.peakHr() > first.peakHr() + 0.5 ? ", which is expected as fatigue builds across reps." : "."));
        }
        if (!i.recoveriesS().isEmpty()) {
            double rec = i.recoveriesS().stream().mapToDouble(Double::doubleValue).average().orElse(0);
            String drop = Wording.recoveryDrop(i.meanHrDrop60s());
            t.observe("Recoveries averaged " + Format.clock(rec) + (drop.isEmpty() ? "" : ", with " + drop)
                    + "; plan 1–2 easy days before the next quality session.");
        }
    }

    private void raceObservations(AnswerText t) {
        r.pacing().toOptional().ifPresent(p -> {
            double slower = (p.splitRatio() - 1) * 100;
            if (p.splitRatio() > 1.02) {
                t.observe("Congratulations on the race. Second half " + Format.whole(slower) + "% slower than the first ("
                        + Format.clock(p.firstHalfS()) + " then " + Format.clock(p.secondHalfS()) + ", split ratio "
                        + String.format(java.util.Locale.ROOT, "%.3f", p.splitRatio()) + "): the start was too fast for the fitness.");
            } else {
                t.observe("Congratulations on the race. Split ratio " + String.format(java.util.Locale.ROOT, "%.3f", p.splitRatio())
                        + " (" + Format.clock(p.firstHalfS()) + " then " + Format.clock(p.secondHalfS()) + "): " + p.splitKind() + " pacing.");
            }
        });
        double vdot = Vdot.of(r.distanceM(), r.movingS());
        if (!Double.isNaN(vdot)) {
            TrainingPaces p = TrainingPaces.forVdot(vdot);
            t.observe("This race gives a VDOT of " + Format.one(vdot) + ", so your updated paces are easy " + f.paceRange(p.easyFastSpeed(), p.easySlowSpeed())
                    + ", threshold " + f.pace(p.thresholdSpeed()) + " and interval " + f.pace(p.intervalSpeed()) + ".");
            t.observe("Next time, the pace this fitness supports from the start is an even " + f.pace(r.distanceM() / r.movingS()) + ".");
        }
        int recovery = (int) Math.max(3, Math.round(r.distanceM() / 1000 / 3));
        t.observe("Recovery first: easy running only for the next " + recovery + " days before any quality session.");
    }

    private void tempoObservations(AnswerText t) {
        th.paces().ifPresent(p -> r.paceZones().toOptional().ifPresent(z -> t.observe(Format.minutes(z.zones().get(2).seconds())
                + " at threshold pace (around " + f.pace(p.thresholdSpeed()) + ") and " + Format.minutes(z.zones().get(1).seconds())
                + " at marathon pace.")));
        r.pacing().toOptional().filter(p -> p.splitRatio() > 1.05)
                .ifPresent(p -> t.observe("Second half " + Format.whole((p.splitRatio() - 1) * 100) + "% slower than the first: the threshold block started too fast."));
        r.hrZones().toOptional().ifPresent(z -> t.observe(Format.pct(z.share(2, 3)) + " of the time in Friel Z3–Z4, the zone a threshold session targets."));
    }

    private void spikeObservation(AnswerText t) {
        if (spike.level() == SpikeLevel.NONE || spike.level() == SpikeLevel.NO_BASELINE || Double.isNaN(spike.increasePct())) {
            return;
        }
        t.observe("This run was " + Format.whole(spike.increasePct()) + "% longer than anything in the previous 30 days ("
                + f.distance(spike.distanceM()) + " vs " + f.distance(spike.longest30dM()) + "): " + spike.level().description()
                + ". Large studies link single-run jumps like this, not weekly totals, to overuse injuries, whatever the weekly change; "
                + "watch for pain over the next 24–48 hours.");
    }

    private void loadObservation(AnswerText t) {
        if (r.load().method() != LoadMethod.NONE) {
            t.observe("Training load " + Format.whole(r.load().value()) + ": " + r.load().method().description() + ".");
        }
    }

    private String diagnosis() {
        return capitalise(r.type().label()) + " (" + Format.pct(r.classification().confidence()) + " confidence): "
                + r.classification().reason() + ".";
    }

    private Limiter limiter() {
        if (r.quality().has(QualityFlag.HR_LOCKED_TO_CADENCE) || (!r.quality().hrReliable() && r.type() != SessionType.UNKNOWN)) {
            return new Limiter(Kind.DATA, "Data quality: heart rate was not usable, so effort can only be judged from pace.");
        }
        if (r.has(SessionFinding.INTENSITY_MISMATCH)) {
            return new Limiter(Kind.MISMATCH, "Intensity control: " + r.averageHr().toOptional().map(h -> Format.bpm(h) + " average").orElse("a hard effort")
                    + " on a day meant to be easy.");
        }
        if ((r.type() == SessionType.RACE || r.type() == SessionType.TEMPO) && r.pacing().isKnown() && r.pacing().get().splitRatio() > 1.05) {
            return new Limiter(Kind.PACING, "Pacing: the first half was too fast (second half "
                    + Format.whole((r.pacing().get().splitRatio() - 1) * 100) + "% slower).");
        }
        Optional<Decoupling> dec = r.decoupling().toOptional().filter(d -> d.percent() >= 5);
        if (dec.isPresent() && r.quality().has(QualityFlag.HOT)) {
            return new Limiter(Kind.HEAT, "Thermal load: at " + Format.whole(r.temperatureC().getAsDouble()) + " °C heart rate rose "
                    + Format.whole(dec.get().hrSecondHalf() - dec.get().hrFirstHalf()) + " bpm at the same pace.");
        }
        if (dec.isPresent()) {
            return new Limiter(Kind.DRIFT, "Aerobic durability at this duration: heart rate drifted " + Format.one(dec.get().percent()) + "% against pace.");
        }
        if (spike.level() == SpikeLevel.MODERATE || spike.level() == SpikeLevel.LARGE) {
            return new Limiter(Kind.SPIKE, "Load jump: " + Format.whole(spike.increasePct()) + "% longer than your 30-day longest run.");
        }
        if (r.type() == SessionType.INTERVALS && r.intervals().isKnown() && r.intervals().get().lastVsFirstPct() > 3) {
            return new Limiter(Kind.REP_FADE, "Fatigue across reps: the last rep was " + Format.one(r.intervals().get().lastVsFirstPct()) + "% slower than the first.");
        }
        return new Limiter(Kind.NONE, "None evident: the numbers match what this " + r.type().label() + " was for.");
    }

    private String lever(Limiter l) {
        return switch (l.kind()) {
            case DATA -> "Wear a chest strap for key sessions, so heart-rate load, zones and drift can be trusted again.";
            case MISMATCH -> "Keep easy days easy (" + easyLimit() + "), so the quality days can be quality.";
            case PACING -> "Start at the even pace this fitness supports (" + f.pace(r.distanceM() / r.movingS()) + ") and hold it to halfway before pushing.";
            case HEAT -> "Run long runs in cooler hours and practise drinking and fuelling every 30–40 minutes.";
            case DRIFT -> "Build long-run duration gradually at easy effort and fuel from the first hour.";
            case SPIKE -> "Grow the long run by at most 10% over your previous longest.";
            case REP_FADE -> "Start the first reps slightly slower so the last one matches them.";
            case NONE -> switch (r.type()) {
                case INTERVALS -> "Keep the reps at this pace; add a rep only once all reps stay within 2% of each other.";
                case LONG -> "Keep the long run at easy effort and extend it by at most 10% at a time.";
                case EASY, RECOVERY -> "Keep easy days at this effort: that is what lets the key sessions work.";
                default -> "Repeat this kind of session with the same control.";
            };
        };
    }

    private String cue() {
        if (spike.level() == SpikeLevel.MODERATE || spike.level() == SpikeLevel.LARGE) {
            return "Keep the next 2 runs easy and watch for any pain over the next 24–48 hours.";
        }
        if (r.type() == SessionType.RACE) {
            return "Easy running only for the next " + (int) Math.max(3, Math.round(r.distanceM() / 1000 / 3)) + " days; no hard workout before then.";
        }
        boolean latest = ctx.history().latest().map(l -> l == r).orElse(false);
        if (!latest) {
            return "Next " + r.type().label() + ": " + nextTimeCue() + ".";
        }
        LocalDate afterRun = ctx.history().dateOf(r).plusDays(1);
        LocalDate next = afterRun.isBefore(ctx.today()) ? ctx.today() : afterRun;
        Recommendation rec = NextRunAdvisor.advise(ctx.history(), next, formGoingInto(next));
        return RunReport.capitalise(f.day(next)) + ": " + NextRunReport.summary(rec, f) + ".";
    }

    /** A cue for the next session of the same kind, for runs that are not the latest. */
    private String nextTimeCue() {
        var paces = th.paces();
        return switch (r.type()) {
            case INTERVALS -> paces.map(p -> "reps at " + f.pace(p.intervalSpeed()) + ", all within 2% of each other").orElse("reps at an even effort");
            case TEMPO, PROGRESSION -> paces.map(p -> "hold threshold pace, about " + f.pace(p.thresholdSpeed())).orElse("hold a comfortably hard, even effort");
            case RACE -> "start at an even " + f.pace(r.distanceM() / r.movingS()) + " and hold it to halfway";
            case LONG -> "stay at easy effort (" + easyLimit() + ") and fuel from the first hour";
            default -> easyLimit();
        };
    }

    private double formGoingInto(LocalDate day) {
        var days = ctx.status().days();
        for (var d : days) {
            if (d.date().equals(day)) {
                return d.form();
            }
        }
        return days.isEmpty() ? Double.NaN : days.get(days.size() - 1).fitness() - days.get(days.size() - 1).fatigue();
    }

    private String description() {
        StringBuilder sb = new StringBuilder();
        sb.append(r.activity().start().map(f::dayTime).orElse("Unknown date")).append(": ");
        String name = r.activity().name().isBlank() ? "" : "\"" + r.activity().name() + "\", ";
        sb.append(name).append(r.type().label()).append(", ").append(f.distance(r.distanceM())).append(" in ")
                .append(Format.clock(r.movingS())).append(" moving");
        r.averageSpeed().toOptional().ifPresent(v -> sb.append(" (").append(f.pace(v)).append(")"));
        sb.append(". ");
        if (r.averageHr().isKnown()) {
            sb.append("Heart rate averaged ").append(Format.bpm(r.averageHr().get()));
            r.maxHr().toOptional().ifPresent(m -> sb.append(", max ").append(Format.bpm(m)));
            sb.append(". ");
        } else {
            sb.append("Heart rate: unknown (").append(r.averageHr().reason()).append("). ");
        }
        DeviceZonesText.sentence(r.activity().summary().hrZones()).ifPresent(z -> sb.append(z).append(' '));
        r.cadence().toOptional().ifPresent(c -> sb.append("Cadence ").append(Math.round(c)).append(" spm")
                .append(cadenceBaseline().map(b -> " (your usual at a similar pace: " + Math.round(b) + " spm)").orElse("")).append(". "));
        r.elevation().toOptional().ifPresent(e -> sb.append("Climb ").append(Format.whole(e.ascentM())).append(" m, grade-adjusted pace ")
                .append(f.pace(e.gradeAdjustedSpeed())).append(". "));
        r.temperatureC().ifPresent(c -> sb.append("It was ").append(Format.whole(c)).append(" °C")
                .append(r.activity().summary().conditions().map(w -> ", " + w).orElse("")).append(". "));
        sb.append(r.load().method() == LoadMethod.NONE ? r.load().note() + ". "
                : "Load " + Format.whole(r.load().value()) + ": " + r.load().method().description()
                + (r.load().note().isBlank() ? "" : "; " + r.load().note()) + ". ");
        if (!r.decoupling().isKnown()) {
            sb.append("Decoupling not computed: ").append(r.decoupling().reason()).append(". ");
        }
        r.pacing().toOptional().ifPresent(p -> sb.append(splits(p)));
        sb.append(laps());
        List<String> notes = r.quality().flags().stream().filter(fl -> fl != QualityFlag.HOT)
                .map(QualityFlag::explanation).sorted().collect(Collectors.toList());
        if (!notes.isEmpty()) {
            sb.append(" Data notes: ").append(String.join("; ", notes)).append('.');
        }
        return sb.toString().strip();
    }

    /**
     * Median cadence of the runner's other runs of the last 60 days at a pace within 5% of this one: cadence rises
     * with speed, so only a like-for-like baseline means anything.
     */
    private Optional<Double> cadenceBaseline() {
        if (!r.averageSpeed().isKnown()) {
            return Optional.empty();
        }
        double v = r.averageSpeed().get();
        var start = ctx.history().startOf(r);
        double[] c = ctx.history().between(start.minus(Duration.ofDays(60)), start).stream()
                .filter(x -> x.cadence().isKnown() && x.averageSpeed().isKnown() && Math.abs(x.averageSpeed().get() / v - 1) <= 0.05)
                .mapToDouble(x -> x.cadence().get()).sorted().toArray();
        return c.length >= 3 ? Optional.of(c[c.length / 2]) : Optional.empty();
    }

    private String splits(Pacing p) {
        List<Split> full = p.splits();
        if (full.isEmpty() || full.size() > 50) {
            return "";
        }
        String list = full.stream().map(s -> (s.partial() ? "last " + f.distance(s.distanceM()) + " " : "")
                + f.paceValue(s.speed())).collect(Collectors.joining(", "));
        return "Splits per " + f.units().distanceUnit() + ": " + list + ".";
    }

    /** The watch's laps, when it recorded more than one: their count, and whether the splits above are them. */
    private String laps() {
        int n = r.activity().laps().size();
        if (n < 2) {
            return "";
        }
        boolean fromLaps = r.pacing().toOptional().filter(Pacing::fromDeviceLaps).isPresent();
        return " " + n + " laps recorded by the watch" + (fromLaps ? " (the splits above are its laps)." : ".");
    }

    private static String zoneName(double fractionOfLthr) {
        return fractionOfLthr < 0.85 ? "Friel Z1" : fractionOfLthr < 0.90 ? "Friel Z2" : fractionOfLthr < 0.95 ? "Friel Z3"
                : fractionOfLthr < 1.0 ? "Friel Z4" : "Friel Z5";
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
