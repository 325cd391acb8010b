package ai.pace42.coach.analysis;

import ai.pace42.coach.model.Lap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the device laps say when they carry no intensity (real-recordings.md §4.2–4.3): auto-laps of one distance
 * or one duration are splits and never reps; other laps may be manual reps (fast and slow laps alternating) or a
 * tempo block (a long faster stretch between a warm-up and a cool-down).
 */
public final class LapStructure {

    static final double REP_SPEEDUP = 1.12;
    static final double TEMPO_SPEEDUP = 1.12;
    static final double TEMPO_MIN_S = 15 * 60;

    private LapStructure() {
    }

    /**
     * Auto-lap-like: every lap but the last within ±1.5% (or ±15 m) of one distance, or within ±2 s of one duration.
     * TCX files from Garmin Connect mark such laps "Manual", so the trigger alone cannot be trusted.
     */
    public static boolean autoLapLike(List<Lap> laps) {
        if (laps.size() < 3) {
            return false;
        }
        List<Lap> body = laps.subList(0, laps.size() - 1);
        double[] d = body.stream().mapToDouble(l -> l.distanceM().orElse(Double.NaN)).toArray();
        double[] t = body.stream().mapToDouble(Lap::durationS).toArray();
        double md = Quantiles.median(d), mt = Quantiles.median(t);
        boolean sameDistance = !Double.isNaN(md) && Arrays.stream(d).allMatch(x -> Math.abs(x - md) <= Math.max(15, 0.015 * md));
        boolean sameDuration = Arrays.stream(t).allMatch(x -> Math.abs(x - mt) <= 2);
        return sameDistance || sameDuration;
    }

    /**
     * Manual-lap reps (evidence 3): at least three laps of 30 s to 8 min, each ≥ 1.12 × the speed of the slower laps
     * and followed by a slower lap, of similar durations.
     */
    static Measured<Intervals> manualLapReps(List<Lap> laps, RunStreams s, boolean hrReliable) {
        if (laps.size() < 5 || autoLapLike(laps)) {
            return Measured.unknown("no manual laps that alternate fast and slow");
        }
        double slowMedian = Quantiles.median(laps.stream().mapToDouble(Lap::speed).filter(v -> v > 0).sorted()
                .limit(Math.max(1, laps.size() / 2)).toArray());
        List<Rep> reps = new ArrayList<>();
        List<Double> recoveries = new ArrayList<>();
        for (int i = 0; i + 1 < laps.size(); i++) {
            Lap lap = laps.get(i), next = laps.get(i + 1);
            boolean fast = lap.speed() >= REP_SPEEDUP * slowMedian && lap.durationS() >= IntervalAnalysis.MIN_REP_S
                    && lap.durationS() <= IntervalAnalysis.MAX_REP_S;
            if (fast && next.speed() < lap.speed() / REP_SPEEDUP) {
                reps.add(new Rep(reps.size() + 1, lap.startS(), lap.durationS(), lap.distanceM().orElse(Double.NaN),
                        hrReliable ? IntervalAnalysis.hrMean(s, lap.startS(), lap.endS()) : Double.NaN,
                        hrReliable ? IntervalAnalysis.hrPeak(s, lap.startS(), lap.endS()) : Double.NaN,
                        hrReliable ? IntervalAnalysis.hrDrop(s, lap.endS()) : Double.NaN));
                recoveries.add(next.durationS());
            }
        }
        if (reps.size() < IntervalAnalysis.MIN_REPS) {
            return Measured.unknown("fewer than three fast manual laps with slower laps after them");
        }
        double[] d = reps.stream().mapToDouble(Rep::durationS).sorted().toArray();
        double md = Quantiles.median(d);
        if (Arrays.stream(d).filter(x -> Math.abs(x / md - 1) <= 0.35).count() < 0.6 * d.length) {
            return Measured.unknown("fast manual laps of very different lengths");
        }
        return Measured.of(IntervalAnalysis.summarise(true, reps, recoveries.subList(0, reps.size() - 1)));
    }

    /**
     * A tempo block from manual laps: consecutive laps of 15–60 min in total, ≥ 1.12 × faster than both the laps
     * before (warm-up) and after (cool-down). Returns the evidence in words.
     */
    static Optional<String> tempoBlock(List<Lap> laps) {
        // Beyond 60 laps nobody ran a warm-up, one block and a cool-down; the search is cubic in laps.
        if (laps.size() < 3 || laps.size() > 60 || autoLapLike(laps)) {
            return Optional.empty();
        }
        double bestS = 0;
        String best = null;
        for (int from = 1; from < laps.size() - 1; from++) {
            for (int to = from; to < laps.size() - 1; to++) {
                double blockS = time(laps, from, to), blockV = speed(laps, from, to);
                double before = speed(laps, 0, from - 1), after = speed(laps, to + 1, laps.size() - 1);
                if (blockS >= TEMPO_MIN_S && blockS <= 60 * 60 && blockS > bestS
                        && blockV >= TEMPO_SPEEDUP * before && blockV >= TEMPO_SPEEDUP * after) {
                    bestS = blockS;
                    best = String.format(Locale.ROOT, "a %.0f-minute faster block in the device laps (%s) between a slower warm-up and cool-down",
                            blockS / 60, to == from ? "lap " + (from + 1) : "laps " + (from + 1) + "–" + (to + 1));
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static double time(List<Lap> laps, int from, int to) {
        double t = 0;
        for (int i = from; i <= to; i++) {
            t += laps.get(i).durationS();
        }
        return t;
    }

    private static double speed(List<Lap> laps, int from, int to) {
        double d = 0, t = 0;
        for (int i = from; i <= to; i++) {
            Lap l = laps.get(i);
            if (l.distanceM().isPresent()) {
                d += l.distanceM().getAsDouble();
                t += l.durationS();
            }
        }
        return t > 0 ? d / t : Double.NaN;
    }

}
