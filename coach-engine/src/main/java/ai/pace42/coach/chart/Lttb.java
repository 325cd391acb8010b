package ai.pace42.coach.chart;

/**
 * Largest-triangle-three-buckets downsampling (Steinarsson 2013): keeps the first and last point and, per bucket,
 * the point forming the largest triangle with the previous pick and the next bucket's average, so peaks and dips
 * survive while a phone-size chart gets only as many points as it has pixels to show. NaN points are dropped.
 */
public final class Lttb {

    private Lttb() {
    }

    /** Returns {x[], y[]} with at most {@code threshold} points. */
    public static double[][] downsample(double[] x, double[] y, int threshold) {
        int valid = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                valid++;
            }
        }
        double[] vx = new double[valid], vy = new double[valid];
        for (int i = 0, k = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                vx[k] = x[i];
                vy[k++] = y[i];
            }
        }
        if (threshold >= valid || threshold < 3) {
            return new double[][] {vx, vy};
        }
        double[] ox = new double[threshold], oy = new double[threshold];
        double every = (double) (valid - 2) / (threshold - 2);
        int a = 0;
        ox[0] = vx[0];
        oy[0] = vy[0];
        for (int i = 0; i < threshold - 2; i++) {
            int avgStart = (int) Math.floor((i + 1) * every) + 1;
            int avgEnd = Math.min((int) Math.floor((i + 2) * every) + 1, valid);
            double avgX = 0, avgY = 0;
            for (int j = avgStart; j < avgEnd; j++) {
                avgX += vx[j];
                avgY += vy[j];
            }
            int len = Math.max(1, avgEnd - avgStart);
            avgX /= len;
            avgY /= len;
            int rangeStart = (int) Math.floor(i * every) + 1;
            int rangeEnd = (int) Math.floor((i + 1) * every) + 1;
            double maxArea = -1;
            int pick = rangeStart;
            for (int j = rangeStart; j < rangeEnd; j++) {
                double area = Math.abs((vx[a] - avgX) * (vy[j] - vy[a]) - (vx[a] - vx[j]) * (avgY - vy[a]));
                if (area > maxArea) {
                    maxArea = area;
                    pick = j;
                }
            }
            ox[i + 1] = vx[pick];
            oy[i + 1] = vy[pick];
            a = pick;
        }
        ox[threshold - 1] = vx[valid - 1];
        oy[threshold - 1] = vy[valid - 1];
        return new double[][] {ox, oy};
    }
}
