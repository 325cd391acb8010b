package ai.pace42.coach.analysis;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Quickselect agrees with sorting for every quantile. */
class QuantilesProperties {

    @Property(tries = 300)
    void selectEqualsSortedIndex(@ForAll @Size(min = 1, max = 500) List<@DoubleRange(min = -100, max = 100) Double> values,
                                 @ForAll @DoubleRange(min = 0, max = 1) double q) {
        double[] a = values.stream().mapToDouble(Double::doubleValue).toArray();
        double[] sorted = a.clone();
        Arrays.sort(sorted);
        assertThat(Quantiles.at(a.clone(), q)).isEqualTo(sorted[(int) Math.floor(q * (sorted.length - 1))]);
    }
}
