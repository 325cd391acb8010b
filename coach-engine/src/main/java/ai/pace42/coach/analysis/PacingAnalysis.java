package ai.pace42.coach.analysis;

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
