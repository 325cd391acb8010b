package ai.pace42.coach.analysis;

import ai.pace42.coach.model.Lap;

import java.util.ArrayList;
import java.util.List;

/** Splits per unit distance, half-by-half split ratio and split variability (reference §4.4). */
public final class PacingAnalysis {

    private PacingAnalysis() {
    }

    public static Measured<Pacing> of(RunStreams s, double unitM, boolean hrReliable) {
        double total = s.totalDistance();
        if (s.n < 2 || Double.isNaN(total) || total < 200 || s.movingSeconds() <= 0) {
            return Measured.unknown("not enough distance data for splits");
        }
        List<Split> splits = new ArrayList<>();
        double prevT = 0;
        int prevIdx = 0;
        int k = 1;
        for (; k * unitM <= total; k++) {
            double t = s.movingTimeAtDistance(k * unitM);
            int idx = Math.max(prevIdx + 1, Math.min(s.n, s.indexAtMovingTime(t) + 1));
            splits.add(new Split(k, unitM, t - prevT, hrReliable ? s.weightedMean(s.hr, prevIdx, idx) : Double.NaN, false));
            prevT = t;
            prevIdx = Math.min(idx, s.n - 1);
        }
        double rest = total - (k - 1) * unitM;
        if (rest > 1) {
            splits.add(new Split(k, rest, s.movingSeconds() - prevT,
                    hrReliable ? s.weightedMean(s.hr, prevIdx, s.n) : Double.NaN, true));
        }
        double half = s.movingTimeAtDistance(total / 2);
        double first = half, second = s.movingSeconds() - half;
        double ratio = first > 0 ? second / first : Double.NaN;
        return Measured.of(new Pacing(splits, ratio, paceCv(splits), first, second));
    }

    /** A lap within this fraction of the split distance counts as one split (auto-lap gives 1000.0 m). */
    static final double LAP_TOLERANCE = 0.02;

    /**
     * The watch's own splits: when the device laps are distance laps of one unit each (auto-lap every km or mile,
     * a shorter last one), they replace the splits rebuilt from (downsampled) samples, which differed from the
     * watch's by seconds per km. Otherwise the sample splits stay.
     */
    public static Measured<Pacing> withDeviceLaps(Measured<Pacing> fromSamples, List<Lap> laps, double unitM) {
        if (!fromSamples.isKnown() || laps.size() < 2) {
            return fromSamples;
        }
        List<Split> splits = new ArrayList<>();
        for (int i = 0; i < laps.size(); i++) {
            Lap lap = laps.get(i);
            double d = lap.distanceM().orElse(Double.NaN);
            boolean last = i == laps.size() - 1;
            boolean full = Math.abs(d / unitM - 1) <= LAP_TOLERANCE;
            if (!(d > 0) || !(lap.durationS() > 0) || !full && !(last && d < unitM)) {
                return fromSamples; // not distance laps (manual or workout laps): keep the sample splits
            }
            double hr = i < fromSamples.get().splits().size() ? fromSamples.get().splits().get(i).avgHr() : Double.NaN;
            splits.add(new Split(i + 1, d, lap.durationS(), hr, !full));
        }
        Pacing p = fromSamples.get();
        return Measured.of(new Pacing(splits, p.splitRatio(), paceCv(splits), p.firstHalfS(), p.secondHalfS(), true));
    }

    /** CV of pace over full splits; NaN with fewer than two. */
    static double paceCv(List<Split> splits) {
        double sum = 0, sq = 0;
        int c = 0;
        for (Split sp : splits) {
            if (!sp.partial() && sp.durationS() > 0) {
                double pace = sp.durationS() / sp.distanceM();
                sum += pace;
                sq += pace * pace;
                c++;
            }
        }
        if (c < 2) {
            return Double.NaN;
        }
        double mean = sum / c;
        return Math.sqrt(Math.max(0, sq / c - mean * mean)) / mean;
    }
}
