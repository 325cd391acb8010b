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
 * The coach observations of one run, each a sentence with its numbers, chosen by session type: no pacing critique on
 * intervals or races, no "go faster" on easy days. Every number comes from the {@link RunAnalysis}.
 */
final class RunObservations extends RunPart {

    static final double HILLY_GAIN_PER_KM = 8;

    RunObservations(RunFacts facts) {
        super(facts);
    }

    /** Adds the observations for the run's type, most important first, up to three when there is little to say. */
    void addTo(AnswerText t, String headline) {
        qualityObservation(t);
        t.observe(headline);
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
    }

    void qualityObservation(AnswerText t) {
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
    void unlockObservation(AnswerText t) {
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

    String easyLimit() {
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

    void spikeObservation(AnswerText t) {
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

    private static String zoneName(double fractionOfLthr) {
        return fractionOfLthr < 0.85 ? "Friel Z1" : fractionOfLthr < 0.90 ? "Friel Z2" : fractionOfLthr < 0.95 ? "Friel Z3"
                : fractionOfLthr < 1.0 ? "Friel Z4" : "Friel Z5";
    }
}
