package ai.pace42.coach.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Work repetitions found in the pace trace (real-recordings.md §4.4), for runs whose laps say nothing. Works on
 * moving samples only, so stops are neither slow running nor recoveries; smooths over 15 s of moving time; enters
 * a rep at 1.15 × the run's baseline speed (its slowest quarter's edge) and leaves it below 1.07 ×; keeps reps of 30 s / 150 m to 8 min; and
 * accepts a pattern only when it is repeated, similar, clearly faster than the stretches between, stands out from
 * the run's own pace noise and, with usable heart rate, shows in the heart rate too.
 */
final class PaceTraceReps {

    static final double SMOOTH_HALF_WINDOW_S = 7.5;
    static final double ENTER = 1.15;
    static final double LEAVE = 1.07;
    static final double MIN_WORK_S = 30;
    static final double MIN_WORK_M = 150;
    static final double MAX_DIP_S = 10;
    static final double MIN_RECOVERY_S = 30;
    static final double MAX_STANDING_REST_S = 5 * 60;
    static final double MAX_REP_S = 8 * 60;
    static final double RECOVERY_MAX_RATIO = 0.90;
    /** Reps confirmed by heart rate need only stand clear of the noise; pace alone must be unmistakable. */
    static final double MIN_CONTRAST_WITH_HR = 1.5;
    static final double MIN_CONTRAST_PACE_ONLY = 3.5;
    /**
     * The baseline is the slower quarter's edge within ±4 min, so a session that is half reps still has reps above
     * it, and a run that slows down (a positive-split race) does not turn its faster half into reps.
     */
    static final double BASELINE_QUANTILE = 0.25;
    static final double BASELINE_HALF_WINDOW_S = 240;
    static final double BASELINE_STEP_S = 30;
    static final double MIN_HR_RISE = 5;

    private PaceTraceReps() {
    }

    /** A stretch of moving samples, indices into the streams. */
    private record Segment(int from, int to) {
    }

    static Measured<Intervals> find(RunStreams s, boolean hrReliable) {
        int[] moving = movingSamples(s);
        if (moving.length < 120 || s.movingSeconds() < 10 * 60) {
            return Measured.unknown("not enough moving pace data to look for repetitions");
        }
        double[] smooth = smoothed(s, moving);
        double[] v0 = localBaseline(s, moving, smooth);
        List<Segment> work = merged(s, moving, hysteresis(s, moving, smooth, v0));
        work.removeIf(w -> duration(s, w) < MIN_WORK_S || distance(s, w) < MIN_WORK_M);
        work = joinWithoutRealRecovery(s, work);
        // A faster block over 8 min is a tempo stretch, not a rep; reps elsewhere in the run still count.
        work.removeIf(w -> duration(s, w) > MAX_REP_S);
        if (work.isEmpty()) {
            return Measured.unknown("no repeated faster stretches of 30 s to 8 min");
        }
        boolean longReps = work.stream().allMatch(w -> duration(s, w) >= 180);
        if (work.size() < IntervalAnalysis.MIN_REPS && !(work.size() >= 2 && longReps)) {
            return Measured.unknown(work.size() + " faster stretch" + (work.size() == 1 ? "" : "es") + ", too few to be a repetition pattern");
        }
        double workS = work.stream().mapToDouble(w -> duration(s, w)).sum();
        double share = workS / s.movingSeconds();
        if (share < 0.10 || share > 0.70) {
            return Measured.unknown(String.format(Locale.ROOT, "faster stretches make up %.0f%% of the moving time, not a repetition pattern", share * 100));
        }
        if (!similar(s, work)) {
            return Measured.unknown("faster stretches of very different lengths (fartlek-like), not repetitions");
        }
        double contrast = contrastToNoise(s, moving, smooth, work);
        if (hrReliable && !(hrRise(s, work) >= MIN_HR_RISE)) {
            return Measured.unknown("faster stretches that heart rate did not confirm (GPS noise or a fartlek)");
        }
        if (contrast < (hrReliable ? MIN_CONTRAST_WITH_HR : MIN_CONTRAST_PACE_ONLY)) {
            return Measured.unknown("faster stretches do not stand out from this run's own pace noise");
        }
        return Measured.of(intervals(s, work, hrReliable));
    }

    private static int[] movingSamples(RunStreams s) {
        int[] idx = new int[s.n];
        int k = 0;
        for (int i = 0; i < s.n; i++) {
            if (s.dt[i] > 0 && !Double.isNaN(s.speed[i])) {
                idx[k++] = i;
            }
        }
        return Arrays.copyOf(idx, k);
    }

    /** Time-weighted mean speed over ±7.5 s of moving time around each moving sample. */
    private static double[] smoothed(RunStreams s, int[] moving) {
        double[] out = new double[moving.length];
        int lo = 0, hi = 0;
        double sum = 0, w = 0;
        for (int k = 0; k < moving.length; k++) {
            double t = s.movingTime[moving[k]];
            while (hi < moving.length && s.movingTime[moving[hi]] <= t + SMOOTH_HALF_WINDOW_S) {
                sum += s.speed[moving[hi]] * s.dt[moving[hi]];
                w += s.dt[moving[hi]];
                hi++;
            }
            while (s.movingTime[moving[lo]] < t - SMOOTH_HALF_WINDOW_S) {
                sum -= s.speed[moving[lo]] * s.dt[moving[lo]];
                w -= s.dt[moving[lo]];
                lo++;
            }
            out[k] = w > 0 ? sum / w : s.speed[moving[k]];
        }
        return out;
    }

    /** The local baseline at each moving sample, computed every 30 s of moving time and held in between. */
    private static double[] localBaseline(RunStreams s, int[] moving, double[] smooth) {
        double[] out = new double[moving.length];
        int lo = 0, hi = 0, k = 0;
        while (k < moving.length) {
            double t = s.movingTime[moving[k]];
            while (s.movingTime[moving[lo]] < t - BASELINE_HALF_WINDOW_S) {
                lo++;
            }
            while (hi < moving.length && s.movingTime[moving[hi]] <= t + BASELINE_HALF_WINDOW_S) {
                hi++;
            }
            double q = Quantiles.at(Arrays.copyOfRange(smooth, lo, hi), BASELINE_QUANTILE);
            int end = k;
            while (end < moving.length && s.movingTime[moving[end]] < t + BASELINE_STEP_S) {
                out[end++] = q;
            }
            k = Math.max(end, k + 1);
        }
        return out;
    }

    /** Work stretches by hysteresis; a pause (timer stop or standing) always ends one. */
    private static List<Segment> hysteresis(RunStreams s, int[] moving, double[] smooth, double[] v0) {
        List<Segment> out = new ArrayList<>();
        int start = -1;
        for (int k = 0; k < moving.length; k++) {
            boolean pauseBefore = k > 0 && pausedBetween(s, moving[k - 1], moving[k]) > 0;
            if (start >= 0 && (pauseBefore || smooth[k] < LEAVE * v0[k])) {
                out.add(new Segment(moving[start], moving[k - 1]));
                start = -1;
            }
            if (start < 0 && v0[k] > RunStreams.STOPPED_SPEED && smooth[k] >= ENTER * v0[k]) {
                start = k;
            }
        }
        if (start >= 0) {
            out.add(new Segment(moving[start], moving[moving.length - 1]));
        }
        return out;
    }

    /** Dips of at most 10 s of moving time inside a rep do not split it. */
    private static List<Segment> merged(RunStreams s, int[] moving, List<Segment> in) {
        List<Segment> out = new ArrayList<>();
        for (Segment w : in) {
            if (!out.isEmpty()) {
                Segment last = out.get(out.size() - 1);
                if (s.movingTime[w.from()] - s.movingTime[last.to()] <= MAX_DIP_S && pausedBetween(s, last.to(), w.from()) == 0) {
                    out.set(out.size() - 1, new Segment(last.from(), w.to()));
                    continue;
                }
            }
            out.add(w);
        }
        return out;
    }

    /**
     * Two reps need a recovery between them: ≥ 30 s of slower moving (≤ 0.9 × the reps) or a standing rest of up to
     * 5 min. Without one they were a single effort.
     */
    private static List<Segment> joinWithoutRealRecovery(RunStreams s, List<Segment> in) {
        List<Segment> out = new ArrayList<>();
        for (Segment w : in) {
            if (!out.isEmpty()) {
                Segment last = out.get(out.size() - 1);
                double recoveryMoving = s.movingTime[w.from()] - s.movingTime[last.to()];
                double paused = pausedBetween(s, last.to(), w.from());
                boolean standingRest = paused > 0 && paused <= MAX_STANDING_REST_S;
                double recSpeed = meanSpeed(s, last.to(), w.from());
                double workSpeed = Math.min(meanSpeed(s, last.from(), last.to()), meanSpeed(s, w.from(), w.to()));
                boolean slowEnough = Double.isNaN(recSpeed) || recSpeed <= RECOVERY_MAX_RATIO * workSpeed;
                if (!standingRest && paused == 0 && (recoveryMoving < MIN_RECOVERY_S || !slowEnough)) {
                    out.set(out.size() - 1, new Segment(last.from(), w.to()));
                    continue;
                }
            }
            out.add(w);
        }
        return out;
    }

    /** At least 60% of reps within ±35% of the median rep duration. */
    private static boolean similar(RunStreams s, List<Segment> work) {
        double[] d = work.stream().mapToDouble(w -> duration(s, w)).toArray();
        double median = Quantiles.median(d);
        long close = Arrays.stream(d).filter(x -> Math.abs(x / median - 1) <= 0.35).count();
        return close >= 0.6 * d.length;
    }

    /**
     * How far the reps' smoothed speed sits above the rest of the run, in units of the rest's own spread: GPS noise
     * on a steady run makes short bumps that barely clear it; real reps clear it by far.
     */
    private static double contrastToNoise(RunStreams s, int[] moving, double[] smooth, List<Segment> work) {
        double inSum = 0, inW = 0, outSum = 0, outSq = 0, outW = 0;
        int seg = 0;
        for (int k = 0; k < moving.length; k++) {
            int i = moving[k];
            while (seg < work.size() && work.get(seg).to() < i) {
                seg++;
            }
            boolean inWork = seg < work.size() && i >= work.get(seg).from() && i <= work.get(seg).to();
            double w = s.dt[i];
            if (inWork) {
                inSum += smooth[k] * w;
                inW += w;
            } else {
                outSum += smooth[k] * w;
                outSq += smooth[k] * smooth[k] * w;
                outW += w;
            }
        }
        if (inW <= 0 || outW <= 0) {
            return 0;
        }
        double outMean = outSum / outW;
        double sd = Math.sqrt(Math.max(1e-6, outSq / outW - outMean * outMean));
        return (inSum / inW - outMean) / sd;
    }

    /** Mean of (HR over the last 15 s of each rep) − (HR over the last 15 s before the next rep). */
    private static double hrRise(RunStreams s, List<Segment> work) {
        double sum = 0;
        int count = 0;
        for (int k = 0; k + 1 < work.size(); k++) {
            double endWork = s.time[work.get(k).to()];
            double endRec = s.time[work.get(k + 1).from()];
            double hw = IntervalAnalysis.hrMean(s, endWork - 15, endWork);
            double hr = IntervalAnalysis.hrMean(s, endRec - 15, endRec);
            if (!Double.isNaN(hw) && !Double.isNaN(hr)) {
                sum += hw - hr;
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    private static Intervals intervals(RunStreams s, List<Segment> work, boolean hrReliable) {
        List<Rep> reps = new ArrayList<>();
        List<Double> recoveries = new ArrayList<>();
        for (int k = 0; k < work.size(); k++) {
            Segment w = work.get(k);
            double start = s.time[w.from()], end = s.time[w.to()];
            if (k > 0) {
                recoveries.add(start - s.time[work.get(k - 1).to()]);
            }
            reps.add(new Rep(k + 1, start, duration(s, w), distance(s, w),
                    hrReliable ? IntervalAnalysis.hrMean(s, start, end) : Double.NaN,
                    hrReliable ? IntervalAnalysis.hrPeak(s, start, end) : Double.NaN,
                    hrReliable ? IntervalAnalysis.hrDrop(s, end) : Double.NaN));
        }
        return IntervalAnalysis.summarise(false, reps, recoveries);
    }

    private static double duration(RunStreams s, Segment w) {
        return s.movingTime[w.to()] - s.movingTime[w.from()];
    }

    private static double distance(RunStreams s, Segment w) {
        return s.distance[w.to()] - s.distance[w.from()];
    }

    private static double meanSpeed(RunStreams s, int from, int to) {
        return s.weightedMean(s.speed, from, to + 1);
    }

    /** Elapsed time between two samples that was not moving time: timer pauses and standing. */
    private static double pausedBetween(RunStreams s, int a, int b) {
        double elapsed = s.time[b] - s.time[a];
        double movingT = s.movingTime[b] - s.movingTime[a];
        // The later sample's own step counts as moving when it moved; anything above a second is a stop.
        return elapsed - movingT > 1 ? elapsed - movingT : 0;
    }

}
