package ai.pace42.coach.analysis;

import ai.pace42.coach.model.Lap;
import ai.pace42.coach.model.LapIntensity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Work reps from lap intensity (§4.2 evidence 2) or, via {@link PaceTraceReps}, from the pace trace; shared rep helpers. */
public final class IntervalAnalysis {

    static final double MIN_REP_S = 30;
    static final double MAX_REP_S = 8 * 60;
    static final int MIN_REPS = 3;

    private IntervalAnalysis() {
    }

    /** Reps from device laps marked ACTIVE when the device also recorded rest or warm-up laps. */
    public static Measured<Intervals> fromLaps(List<Lap> laps, RunStreams s, boolean hrReliable) {
        boolean structured = laps.stream().anyMatch(l -> l.intensity() == LapIntensity.REST
                || l.intensity() == LapIntensity.WARMUP || l.intensity() == LapIntensity.COOLDOWN);
        List<Lap> work = laps.stream().filter(l -> l.intensity().isWork()).toList();
        if (!structured || work.isEmpty()) {
            return Measured.unknown("the device did not record work and rest laps");
        }
        List<Rep> reps = new ArrayList<>();
        List<Double> recoveries = new ArrayList<>();
        for (int i = 0; i < laps.size(); i++) {
            Lap lap = laps.get(i);
            if (lap.intensity().isWork()) {
                double dist = lap.distanceM().orElse(distanceBetween(s, lap.startS(), lap.endS()));
                reps.add(new Rep(reps.size() + 1, lap.startS(), lap.durationS(), dist,
                        hrReliable ? hrMean(s, lap.startS(), lap.endS()) : Double.NaN,
                        hrReliable ? hrPeak(s, lap.startS(), lap.endS()) : Double.NaN,
                        hrReliable ? hrDrop(s, lap.endS()) : Double.NaN));
            } else if (lap.intensity() == LapIntensity.REST) {
                recoveries.add(lap.durationS());
            }
        }
        return Measured.of(summarise(true, reps, recoveries));
    }

    /** Reps detected from the pace trace (§4.4); see {@link PaceTraceReps}. */
    public static Measured<Intervals> fromSpeed(RunStreams s, boolean hrReliable) {
        if (!s.hasSpeed) {
            return Measured.unknown("no pace data to look for repetitions");
        }
        return PaceTraceReps.find(s, hrReliable);
    }

    static Intervals summarise(boolean fromLaps, List<Rep> reps, List<Double> recoveries) {
        double sum = 0, sq = 0;
        for (Rep r : reps) {
            double pace = 1 / r.speed();
            sum += pace;
            sq += pace * pace;
        }
        double mean = sum / reps.size();
        double cv = Math.sqrt(Math.max(0, sq / reps.size() - mean * mean)) / mean;
        double first = 1 / reps.get(0).speed(), last = 1 / reps.get(reps.size() - 1).speed();
        return new Intervals(fromLaps, reps, recoveries, cv, (last - first) / first * 100);
    }

    static double[] smooth(double[] v, int halfWindow) {
        double[] out = new double[v.length];
        double sum = 0;
        int count = 0;
        int lo = 0, hi = -1;
        for (int i = 0; i < v.length; i++) {
            while (hi < Math.min(v.length - 1, i + halfWindow)) {
                hi++;
                if (!Double.isNaN(v[hi])) {
                    sum += v[hi];
                    count++;
                }
            }
            while (lo < i - halfWindow) {
                if (!Double.isNaN(v[lo])) {
                    sum -= v[lo];
                    count--;
                }
                lo++;
            }
            out[i] = count > 0 ? sum / count : Double.NaN;
        }
        return out;
    }

    static double distanceBetween(RunStreams s, double from, double to) {
        int a = indexAtTime(s, from), b = indexAtTime(s, to);
        return b > a ? s.distance[Math.min(b, s.n - 1)] - s.distance[a] : Double.NaN;
    }

    static double hrMean(RunStreams s, double from, double to) {
        return s.weightedMean(s.hr, indexAtTime(s, from), Math.min(s.n, indexAtTime(s, to) + 1));
    }

    static double hrPeak(RunStreams s, double from, double to) {
        double peak = Double.NaN;
        if (s.hr.length < s.n) {
            return peak;
        }
        for (int i = indexAtTime(s, from); i < s.n && s.time[i] <= to; i++) {
            if (!(s.hr[i] <= peak)) {
                peak = Double.isNaN(s.hr[i]) ? peak : s.hr[i];
            }
        }
        return peak;
    }

    /** HR at the end of a rep minus HR 60 s later; NaN when the run ends sooner or HR is missing. */
    static double hrDrop(RunStreams s, double repEnd) {
        if (s.hr.length < s.n || s.n == 0 || s.time[s.n - 1] < repEnd + 60) {
            return Double.NaN;
        }
        return s.hr[indexAtTime(s, repEnd)] - s.hr[indexAtTime(s, repEnd + 60)];
    }

    static int indexAtTime(RunStreams s, double t) {
        int idx = Arrays.binarySearch(s.time, t);
        return Math.max(0, Math.min(s.n - 1, idx >= 0 ? idx : -idx - 1));
    }
}
