package ai.pace42.coach.chart;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TraceSmoothingTest {

    @Test
    void theMedianRemovesOneSpikeAndKeepsAStep() {
        double[] v = {3, 3, 3, 30, 3, 3, 3, 5, 5, 5, 5};
        double[] m = TraceSmoothing.rollingMedian(v, 2);
        assertThat(m).containsExactly(3, 3, 3, 3, 3, 3, 3, 5, 5, 5, 5);
    }

    @Test
    void theMedianSkipsUndefinedSamplesAndKeepsThemUndefined() {
        double[] m = TraceSmoothing.rollingMedian(new double[] {2, Double.NaN, 4, 6}, 1);
        // window of sample 0: {2}; sample 2: {4, 6} → 5; sample 3: {4, 6} → 5
        assertThat(m[0]).isEqualTo(2);
        assertThat(m[1]).isNaN();
        assertThat(m[2]).isEqualTo(5);
        assertThat(m[3]).isEqualTo(5);
    }

    @Test
    void eachPointIsItsBucketsMeanAndAStopIsAGap() {
        double[] x = {0, 1, 2, 3, 4, 5, 6, 7, 8};
        double nan = Double.NaN;
        double[] y = {10, 20, 30, nan, nan, 7, 1, 2, nan};
        double[][] d = TraceSmoothing.bucketMeans(x, y, 3);
        assertThat(d[0]).containsExactly(1, 4, 7);
        assertThat(d[1][0]).isEqualTo(20);
        assertThat(d[1][1]).as("two of three samples stopped").isNaN();
        assertThat(d[1][2]).as("one of three undefined: the mean of the rest").isCloseTo(1.5, within(1e-12));
    }

    @Test
    void aShortTraceKeepsEverySample() {
        double[][] d = TraceSmoothing.bucketMeans(new double[] {0, 1}, new double[] {4, 5}, 300);
        assertThat(d[0]).containsExactly(0, 1);
        assertThat(d[1]).containsExactly(4, 5);
    }

    @Test
    void theMeanWindowGrowsWithTheRunBetween30SecondsAnd3Minutes() {
        assertThat(TraceSmoothing.meanHalfWindow(1_800)).isEqualTo(15);
        assertThat(TraceSmoothing.meanHalfWindow(9_840)).isEqualTo(82);
        assertThat(TraceSmoothing.meanHalfWindow(30_000)).isEqualTo(90);
    }

    @Test
    void aLineNeedsTwoDefinedPoints() {
        assertThat(TraceSmoothing.drawable(new double[] {Double.NaN, 1, Double.NaN})).isFalse();
        assertThat(TraceSmoothing.drawable(new double[] {1, Double.NaN, 2})).isTrue();
    }
}
