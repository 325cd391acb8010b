package ai.pace42.coach.chart;

import java.util.Arrays;

/**
 * How a run's pace and heart-rate traces are drawn, the way watch apps draw them: a rolling median first (one GPS
 * spike or a dropped HR sample cannot pull the line), then one mean per plotted point. LTTB keeps each bucket's
 * extreme, which on a noisy 1 Hz trace turns GPS jitter into a saw-tooth; a mean shows the pace the runner held.
 * Smoother lines are also cheaper to draw and to encode (fewer anti-aliased edges).
 */
final class TraceSmoothing {

    /** Samples either side of the median: 11 s at 1 Hz, longer than a GPS spike, shorter than a 200 m rep. */
    static final int MEDIAN_HALF_WINDOW = 5;

    /** The rolling mean spans at least 30 samples and at most 3 minutes at 1 Hz. */
    static final int MIN_MEAN_HALF_WINDOW = 15;
    static final int MAX_MEAN_HALF_WINDOW = 90;

    private TraceSmoothing() {
    }

    /**
     * Half-window of the rolling mean for a trace of {@code samples}: 15 (30 s at 1 Hz) up to 30 minutes, then
     * growing with the run (1/120 of it each side) so the line shows the pace held over a stretch the chart can
     * resolve rather than GPS wander (the 2.7-hour sample long run: about 2.7 minutes, 33 s per plotted point);
     * capped so a long interval session keeps its reps.
     */
    static int meanHalfWindow(int samples) {
        return Math.max(MIN_MEAN_HALF_WINDOW, Math.min(MAX_MEAN_HALF_WINDOW, samples / 120));
    }

    /** Rolling median over {@code 2 × half + 1} samples; NaN samples are left out and stay NaN. */
    static double[] rollingMedian(double[] v, int half) {
        double[] out = new double[v.length];
        double[] window = new double[2 * half + 1];
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i])) {
                out[i] = Double.NaN;
                continue;
            }
            int k = 0;
            for (int j = Math.max(0, i - half), end = Math.min(v.length - 1, i + half); j <= end; j++) {
                if (!Double.isNaN(v[j])) {
                    window[k++] = v[j];
                }
            }
            Arrays.sort(window, 0, k);
            out[i] = k % 2 == 1 ? window[k / 2] : (window[k / 2 - 1] + window[k / 2]) / 2;
        }
        return out;
    }

    /**
     * At most {@code points} points: consecutive samples in equal buckets, each drawn at its mean x and the mean of
     * its defined y. A bucket whose samples are mostly undefined (a stop) is a NaN point, so the line has a gap
     * there instead of a straight segment across it; a brief stop inside a bucket leaves no mark.
     */
    static double[][] bucketMeans(double[] x, double[] y, int points) {
        int n = x.length;
        int buckets = Math.min(points, n);
        double[] ox = new double[buckets], oy = new double[buckets];
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) b * n / buckets), to = (int) ((long) (b + 1) * n / buckets);
            double sx = 0, sy = 0;
            int defined = 0;
            for (int i = from; i < to; i++) {
                sx += x[i];
                if (!Double.isNaN(y[i])) {
                    sy += y[i];
                    defined++;
                }
            }
            ox[b] = sx / (to - from);
            oy[b] = 2 * defined > to - from ? sy / defined : Double.NaN;
        }
        return new double[][] {ox, oy};
    }

    /** True when the trace has at least two defined points, i.e. a line to draw. */
    static boolean drawable(double[] y) {
        int defined = 0;
        for (double v : y) {
            if (!Double.isNaN(v) && ++defined > 1) {
                return true;
            }
        }
        return false;
    }
}
