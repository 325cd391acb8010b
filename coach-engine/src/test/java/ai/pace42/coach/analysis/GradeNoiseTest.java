package ai.pace42.coach.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.coach.Fixtures;
import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.Samples;
import ai.pace42.coach.model.SessionTags;
import ai.pace42.coach.model.SportType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A flat run whose altitude wanders 12, 13, 14 m sample by sample (GPS elevation) has no grade to adjust for. */
class GradeNoiseTest {

    @Test
    void altitudeNoiseOnFlatGroundGivesGradesNearZero() {
        int n = 1800;
        double[] t = new double[n], d = new double[n], v = new double[n], alt = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i;
            d[i] = 3.0 * i;
            v[i] = 3.0;
            alt[i] = 12 + i % 3;
        }
        Samples s = Samples.builder(t).distance(d).speed(v).altitude(alt).build();
        Activity a = new Activity("flat", "test", "", SportType.ROAD, Optional.of(Fixtures.at(Fixtures.TODAY, 7)),
                null, null, null, null, s, List.of(), SessionTags.none());

        double[] grades = ElevationAnalysis.grades(RunStreams.of(a));

        // Differencing the window's two end samples read up to ±2 m over 50 m, i.e. ±4 %, as grade.
        for (int i = 20; i < n - 20; i++) {
            assertThat(Math.abs(grades[i])).as("grade at %d", i).isLessThan(0.005);
        }
    }
}
