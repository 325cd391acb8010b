package ai.pace42.coach.analysis;

import ai.pace42.coach.model.Activity;

import java.time.Duration;
import java.util.Optional;

/** The ordered decision list of §4.2: the first rule that matches wins. */
public final class SessionClassifier {

    static final double LONG_MIN_S = 90 * 60;
    static final double TEMPO_MIN_BLOCK_S = 15 * 60;
    static final double RECOVERY_MAX_S = 40 * 60;

    private SessionClassifier() {
    }

    public static Classification classify(Activity a, RunStreams s, DataQuality q, Thresholds th, RunContext ctx,
                                          Measured<Pacing> pacing, Measured<Intervals> lapReps,
                                          Measured<Intervals> speedReps) {
        double moving = s.n > 0 ? s.movingSeconds() : a.movingS().orElse(a.elapsedS().orElse(0));
        if (a.tags().race()) {
            return new Classification(SessionType.RACE, 0.95, "tagged as a race");
        }
        if (s.n == 0 && moving <= 0) {
            return new Classification(SessionType.UNKNOWN, 0, "no duration or samples to classify");
        }
        Optional<Classification> gated = RunGate.check(a, s);
        if (gated.isPresent()) {
            return gated.get();
        }
        var paces = th.paces();
        if (lapReps.isKnown()) {
            Intervals iv = lapReps.get();
            double work = iv.reps().stream().mapToDouble(Rep::durationS).sum();
            double meanRep = work / iv.reps().size();
            if (iv.reps().size() >= IntervalAnalysis.MIN_REPS && meanRep <= IntervalAnalysis.MAX_REP_S) {
                return new Classification(SessionType.INTERVALS, intensityLaps(a) ? 0.95 : 0.85, iv.reps().size()
                        + (intensityLaps(a) ? " work laps with recoveries recorded by the device"
                        : " fast manual laps, each followed by a slower one"));
            }
            if (work >= TEMPO_MIN_BLOCK_S) {
                return new Classification(SessionType.TEMPO, 0.9, "work laps totalling "
                        + Math.round(work / 60) + " min recorded by the device");
            }
        }
        Optional<String> raceLike = raceLikeEffort(s, th, lapReps.isKnown());
        if (raceLike.isPresent()) {
            return new Classification(SessionType.RACE, 0.6, raceLike.get());
        }
        Optional<String> lapTempo = LapStructure.tempoBlock(a.laps());
        if (lapTempo.isPresent()) {
            return new Classification(SessionType.TEMPO, 0.7, lapTempo.get());
        }
        if (speedReps.isKnown() && !speedReps.get().fromLaps()) {
            Intervals iv = speedReps.get();
            boolean fastEnough = paces.map(p -> iv.meanRepSpeed() >= p.thresholdSpeed() * 0.97).orElse(true);
            if (fastEnough) {
                return new Classification(SessionType.INTERVALS, q.hrReliable() ? 0.75 : 0.6,
                        iv.reps().size() + " fast repetitions of about " + RunGate.duration(medianRepS(iv))
                                + " found in the pace trace" + (q.hrReliable() ? ", confirmed by heart rate" : "")
                                + setAside(a, s));
            }
        }
        if (paces.isPresent() && s.hasSpeed && th.paceAnchorSetByRunner()) {
            double block = longestBlockAtOrAbove(s, paces.get().marathonSpeed() * 0.98);
            if (tempoSized(block, moving)) {
                return new Classification(SessionType.TEMPO, 0.75,
                        Math.round(block / 60) + " continuous minutes at marathon-to-threshold pace");
            }
        } else if (q.hrReliable() && s.hr.length >= s.n && th.hrAnchorSetByRunner() && th.effectiveLthr().isPresent()) {
            // An estimated VDOT is a lower bound, so pace alone cannot tell a tempo: the runner's own HR can.
            Block block = longestBlock(s, s.hr, 0.9 * th.effectiveLthr().get());
            // Faster than the rest of the run too: heart rate drifting up at an even pace is not a tempo.
            if (tempoSized(block.seconds(), moving) && moving < LONG_MIN_S && block.fasterThanTheRest(s, 1.03)) {
                return new Classification(SessionType.TEMPO, 0.7, Math.round(block.seconds() / 60)
                        + " continuous minutes at threshold heart rate (90% of your LTHR or more)");
            }
        }
        if (pacing.isKnown() && isProgression(pacing.get())) {
            return new Classification(SessionType.PROGRESSION, 0.7, "splits got steadily faster");
        }
        double median = ctx.medianDurationS();
        double longThreshold = Double.isNaN(median) ? LONG_MIN_S : Math.max(LONG_MIN_S, 1.5 * median);
        double distance = s.n > 0 ? s.totalDistance() : a.distanceM().orElse(Double.NaN);
        double p80 = ctx.distanceP80();
        if (moving >= longThreshold) {
            return new Classification(SessionType.LONG, 0.85, Math.round(moving / 60) + " minutes, over the "
                    + Math.round(longThreshold / 60) + "-minute long-run threshold");
        }
        if (!Double.isNaN(p80) && distance >= p80 * 1.25 && moving >= 60 * 60) {
            return new Classification(SessionType.LONG, 0.65, "clearly longer than your usual runs");
        }
        var ceiling = th.easyCeilingHr();
        if (s.n == 0) {
            return fromAverages(a, moving, distance, th);
        }
        if (q.hrReliable() && ceiling.isPresent()) {
            double easyShare = shareAtOrBelow(s, ceiling.get());
            double avgHr = s.weightedMean(s.hr, 0, s.n);
            boolean afterHard = a.startInstant()
                    .flatMap(t -> ctx.hardSessionWithin(t, Duration.ofHours(36))).isPresent();
            if (moving <= RECOVERY_MAX_S && afterHard && avgHr <= ceiling.get() - 5) {
                return new Classification(SessionType.RECOVERY, 0.8, "short and gentle, the day after a hard session");
            }
            if (easyShare >= 0.8 && !fasterThanMarathon(s, th)) {
                return new Classification(SessionType.EASY, 0.85, Math.round(easyShare * 100)
                        + "% of the time at or below your easy ceiling of " + Math.round(ceiling.get()) + " bpm");
            }
            if (!paces.isPresent() && th.hrAnchorSetByRunner() && avgHr >= 0.95 * th.effectiveLthr().orElse(Double.MAX_VALUE)
                    && moving >= TEMPO_MIN_BLOCK_S) {
                return new Classification(SessionType.TEMPO, 0.6, "heart rate at threshold level throughout");
            }
            if (!th.hrAnchorSetByRunner()) {
                return notSureHowHard("heart rate above an easy ceiling of " + Math.round(ceiling.get())
                        + " bpm that is only estimated");
            }
            return new Classification(SessionType.MODERATE, 0.7, "only " + Math.round(easyShare * 100)
                    + "% of the time at or below your easy ceiling of " + Math.round(ceiling.get()) + " bpm");
        }
        if (paces.isPresent() && s.hasSpeed) {
            double v = s.weightedMean(s.speed, 0, s.n);
            if (v <= paces.get().marathonSpeed() * 0.92) {
                return new Classification(SessionType.EASY, 0.55, "pace well slower than marathon pace (heart rate not usable)");
            }
            if (!th.paceAnchorSetByRunner()) {
                return notSureHowHard("pace near a marathon pace that is only estimated, heart rate not usable");
            }
            return new Classification(SessionType.MODERATE, 0.5, "pace near marathon pace (heart rate not usable)");
        }
        return new Classification(SessionType.STEADY, 0.6, "steady running: no repetitions or sustained faster block"
                + " in the laps or the pace trace" + setAside(a, s) + "; effort unknown without your max heart rate,"
                + " threshold or a few weeks of runs");
    }

    /**
     * A harder-than-easy verdict resting only on estimated thresholds: steady, with the doubt said. The estimates
     * come from the runner's own runs and so are lower bounds; only the runner's own numbers settle it.
     */
    private static Classification notSureHowHard(String why) {
        return new Classification(SessionType.STEADY, 0.4, "steady running, how hard is not sure: " + why
                + "; your max heart rate or threshold (/profile) would settle it");
    }

    /** A mean HR at 90% of the runner's own LTHR or above (never an estimated one). */
    static boolean hardByOwnHeartRate(double meanHr, Thresholds th) {
        return th.hrAnchorSetByRunner() && !Double.isNaN(meanHr)
                && th.effectiveLthr().map(l -> meanHr >= 0.9 * l).orElse(false);
    }

    /** 15 minutes or more, and not the whole of a long run (that is a long run at a good clip). */
    private static boolean tempoSized(double block, double moving) {
        return block >= TEMPO_MIN_BLOCK_S && (block <= moving * 0.9 || moving < LONG_MIN_S);
    }

    private static boolean intensityLaps(Activity a) {
        return a.laps().stream().anyMatch(l -> l.intensity() != ai.pace42.coach.model.LapIntensity.UNKNOWN
                && l.intensity() != ai.pace42.coach.model.LapIntensity.ACTIVE);
    }

    private static double medianRepS(Intervals iv) {
        return Quantiles.median(iv.reps().stream().mapToDouble(Rep::durationS).toArray());
    }

    /** What the decision left out, so a runner can check it ("10 equal laps used as splits; stops of 2 min excluded"). */
    static String setAside(Activity a, RunStreams s) {
        StringBuilder b = new StringBuilder();
        if (LapStructure.autoLapLike(a.laps())) {
            b.append("; ").append(a.laps().size()).append(" equal laps read as auto-lap splits, not reps");
        }
        if (s.pausedS >= 30) {
            b.append("; stops of ").append(RunGate.duration(s.pausedS)).append(" in total excluded");
        }
        return b.toString();
    }

    static final double[] STANDARD_DISTANCES = {5000, 10_000, 21_097.5, 42_195};

    /**
     * An untagged race: a standard distance (±1.5%) run at 98.5% or more of the known VDOT. Without a known VDOT we
     * do not guess: a threshold run can look like a race by heart rate alone.
     */
    static Optional<String> raceLikeEffort(RunStreams s, Thresholds th, boolean structured) {
        if (structured || th.vdot().isEmpty() || s.n == 0 || Double.isNaN(s.totalDistance())
                || !(th.paceAnchorSetByRunner() || hardByOwnHeartRate(s.weightedMean(s.hr, 0, s.n), th))) {
            return Optional.empty();
        }
        double d = s.totalDistance(), vdot = Vdot.of(d, s.movingSeconds());
        boolean estimated = th.vdot().get().source() == ai.pace42.coach.model.ValueSource.ESTIMATED;
        if (estimated && Math.abs(vdot - th.vdot().get().value()) < 0.05) {
            // The estimate is this run's own value: comparing a run with itself says nothing.
            return Optional.empty();
        }
        for (double standard : STANDARD_DISTANCES) {
            if (Math.abs(d / standard - 1) <= 0.015 && vdot >= 0.985 * th.vdot().get().value()) {
                return Optional.of(String.format(java.util.Locale.ROOT,
                        "a near-maximal effort over a standard distance (VDOT %.1f against your %.1f), though not tagged as a race",
                        vdot, th.vdot().get().value()));
            }
        }
        return Optional.empty();
    }

    private static boolean fasterThanMarathon(RunStreams s, Thresholds th) {
        double v = s.weightedMean(s.speed, 0, s.n);
        // Against an estimated VDOT (a lower bound) "faster than marathon pace" proves nothing.
        return !Double.isNaN(v) && th.paceAnchorSetByRunner() && th.paces().map(p -> v >= p.marathonSpeed()).orElse(false);
    }

    /** ≥70% of full splits faster than the one before, and the last third ≥5% faster than the first and faster than the middle. */
    static boolean isProgression(Pacing p) {
        var full = p.splits().stream().filter(sp -> !sp.partial()).toList();
        if (full.size() < 4) {
            return false;
        }
        int faster = 0;
        for (int i = 1; i < full.size(); i++) {
            if (full.get(i).durationS() < full.get(i - 1).durationS()) {
                faster++;
            }
        }
        int third = Math.max(1, full.size() / 3);
        double first = 0, last = 0;
        for (int i = 0; i < third; i++) {
            first += full.get(i).durationS();
            last += full.get(full.size() - 1 - i).durationS();
        }
        double middle = 0;
        for (int i = third; i < full.size() - third; i++) {
            middle += full.get(i).durationS();
        }
        middle = middle / Math.max(1, full.size() - 2 * third) * third;
        // The last third must also beat the middle: a slow start alone is not a progression.
        return faster >= 0.7 * (full.size() - 1) && last <= first * 0.95 && last < middle;
    }

    /** Longest continuous moving stretch with 60-s-smoothed speed at or above the threshold. */
    static double longestBlockAtOrAbove(RunStreams s, double speed) {
        return longestBlock(s, IntervalAnalysis.smooth(s.speed, 30), speed).seconds();
    }

    /** Samples {@code from} (inclusive) to {@code to} (exclusive), {@code seconds} of moving time. */
    record Block(int from, int to, double seconds) {

        /** All of the run, or its mean speed at least {@code ratio} × that of the rest of the run. */
        boolean fasterThanTheRest(RunStreams s, double ratio) {
            double covered = to > from ? s.distance[to - 1] - s.distance[from] : Double.NaN;
            double inside = covered / Math.max(1, seconds);
            double restS = s.movingSeconds() - seconds;
            if (restS < 60) {
                return true;
            }
            double rest = (s.totalDistance() - covered) / restS;
            return !Double.isNaN(inside) && !Double.isNaN(rest) && inside >= ratio * rest;
        }
    }

    /** Longest continuous moving stretch with {@code signal} at or above {@code atLeast}; stops do not break it. */
    static Block longestBlock(RunStreams s, double[] signal, double atLeast) {
        double best = 0, current = 0;
        int from = 0, bestFrom = 0, bestTo = 0;
        for (int i = 0; i < s.n; i++) {
            if (signal[i] >= atLeast) {
                if (current == 0) {
                    from = i;
                }
                current += s.dt[i];
                if (current > best) {
                    best = current;
                    bestFrom = from;
                    bestTo = i + 1;
                }
            } else if (s.dt[i] > 0 || !Double.isNaN(signal[i])) {
                current = 0;
            }
        }
        return new Block(bestFrom, bestTo, best);
    }

    static double shareAtOrBelow(RunStreams s, double hrCeiling) {
        double in = 0, total = 0;
        for (int i = 0; i < s.n; i++) {
            if (s.dt[i] > 0 && !Double.isNaN(s.hr[i])) {
                total += s.dt[i];
                if (s.hr[i] <= hrCeiling) {
                    in += s.dt[i];
                }
            }
        }
        return total > 0 ? in / total : 0;
    }

    /**
     * A run known only by its summary: easy or moderate from its average heart rate against the easy ceiling,
     * else from its average pace against marathon pace, with lower confidence than a per-second classification.
     */
    private static Classification fromAverages(Activity a, double moving, double distance, Thresholds th) {
        var ceiling = th.easyCeilingHr();
        var avgHr = a.summary().averageHeartRate();
        if (avgHr.isPresent() && ceiling.isPresent()) {
            if (avgHr.getAsDouble() <= ceiling.get()) {
                return new Classification(SessionType.EASY, 0.6, "average heart rate " + Math.round(avgHr.getAsDouble())
                        + " bpm, at or below your easy ceiling of " + Math.round(ceiling.get()) + " bpm");
            }
            return th.hrAnchorSetByRunner() ? new Classification(SessionType.MODERATE, 0.5, "average heart rate "
                    + Math.round(avgHr.getAsDouble()) + " bpm, above your easy ceiling")
                    : notSureHowHard("average heart rate above an easy ceiling that is only estimated");
        }
        if (th.paces().isPresent() && distance > 0 && moving > 0) {
            if (distance / moving <= th.paces().get().marathonSpeed() * 0.92) {
                return new Classification(SessionType.EASY, 0.45, "average pace well slower than marathon pace");
            }
            return th.paceAnchorSetByRunner() ? new Classification(SessionType.MODERATE, 0.4, "average pace near marathon pace")
                    : notSureHowHard("average pace near a marathon pace that is only estimated");
        }
        return new Classification(SessionType.UNKNOWN, 0, avgHr.isPresent() || distance > 0
                ? "only the summary's averages are available, and without your max heart rate, threshold or a few weeks"
                        + " of runs they cannot say what kind of run it was"
                : "only a summary without heart rate or pace");
    }
}
