package ai.pace42.coach.chart;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** LTTB keeps the ends, never exceeds the budget, keeps x order and only returns input points. */
class ChartProperties {

    @Property(tries = 300)
    void lttbKeepsShapeInvariants(@ForAll @Size(max = 3000) List<@net.jqwik.api.constraints.DoubleRange(min = -1e4, max = 1e4) Double> ys,
                                  @ForAll @IntRange(min = 3, max = 600) int threshold) {
        int n = ys.size();
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i * 0.5;
            y[i] = ys.get(i);
        }
        double[][] out = Lttb.downsample(x, y, threshold);
        assertThat(out[0].length).isEqualTo(out[1].length).isLessThanOrEqualTo(Math.max(n, 0) <= threshold ? n : threshold);
        if (n > 0) {
            assertThat(out[0][0]).isEqualTo(x[0]);
            assertThat(out[0][out[0].length - 1]).isEqualTo(x[n - 1]);
        }
        for (int i = 1; i < out[0].length; i++) {
            assertThat(out[0][i]).isGreaterThan(out[0][i - 1]);
            int idx = (int) Math.round(out[0][i] * 2);
            assertThat(out[1][i]).isEqualTo(y[idx]);
        }
    }

    @Property(tries = 100)
    void lttbKeepsTheExtremeOfASinglePeak(@ForAll @IntRange(min = 50, max = 4000) int n, @ForAll @IntRange(min = 0, max = 49) int where) {
        double[] x = new double[n], y = new double[n];
        int peak = (int) ((long) where * (n - 1) / 49);
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = i == peak ? 100 : 0;
        }
        double[][] out = Lttb.downsample(x, y, 40);
        assertThat(out[1]).contains(100.0);
    }
}
