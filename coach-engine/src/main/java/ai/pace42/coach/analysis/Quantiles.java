package ai.pace42.coach.analysis;

/** Order statistics without a full sort: a 2-hour run has 7,200 samples and sorting them dominated analysis time. */
final class Quantiles {

    private Quantiles() {
    }

    /** Non-NaN values of a column, copied. */
    static double[] present(double[] values) {
        double[] out = new double[values.length];
        int c = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                out[c++] = v;
            }
        }
        return java.util.Arrays.copyOf(out, c);
    }

    /** Median of the non-NaN values (index floor((n−1)/2)), NaN when there are none; does not reorder {@code values}. */
    static double median(double[] values) {
        double[] p = present(values);
        return p.length == 0 ? Double.NaN : at(p, 0.5);
    }

    /** The value at fraction q (0..1) of the ordered values, by index floor(q·(n−1)); reorders {@code a}. */
    static double at(double[] a, double q) {
        int k = (int) Math.floor(q * (a.length - 1));
        int lo = 0, hi = a.length - 1;
        while (lo < hi) {
            double pivot = a[(lo + hi) >>> 1];
            int i = lo, j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }
}
