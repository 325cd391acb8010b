package ai.pace42.coach.chart;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The run chart's pace axis survives stops: a slow walk around a traffic light does not stretch it. */
class PaceAxisTest {

    @Test
    void slowStretchesAroundStopsDoNotStretchThePaceAxis() {
        // 90% of the run at 5:30 /km (330 s), 10% shuffling at 21:40 /km (1300 s); faster is up, so values are negative.
        double[] paces = new double[1000];
        Arrays.fill(paces, -330);
        for (int i = 0; i < 100; i++) {
            paces[i * 10] = -1300;
        }
        double[] range = RunChart.paceAxis(paces);
        // Slowest shown pace: 1.6 × 330 s = 528 s plus padding, far from 1300 s.
        assertThat(-range[0]).isLessThan(600);
        assertThat(-range[1]).isLessThan(330);
    }
}
