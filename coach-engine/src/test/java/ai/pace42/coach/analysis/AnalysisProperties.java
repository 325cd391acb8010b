package ai.pace42.coach.analysis;

import ai.pace42.coach.Fixtures;
import ai.pace42.coach.UnitSystem;
import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.Samples;
import ai.pace42.coach.model.SessionTags;
import ai.pace42.coach.model.SportType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Arbitrary sample streams (NaN, negative, spikes, duplicate timestamps) must never escape as exceptions. */
class AnalysisProperties {

    static final Thresholds TH = ai.pace42.coach.fitness.ThresholdResolver.resolve(Fixtures.goldenProfile(), List.of());

    @Provide
    Arbitrary<Samples> samples() {
        Arbitrary<Integer> size = Arbitraries.integers().between(0, 400);
        return size.flatMap(n -> {
            Arbitrary<double[]> times = Arbitraries.doubles().between(0, 30).array(double[].class).ofSize(n).map(gaps -> {
                double[] t = new double[n];
                for (int i = 1; i < n; i++) {
                    t[i] = t[i - 1] + gaps[i];
                }
                return t;
            });
            Arbitrary<double[]> any = Arbitraries.doubles().between(-50, 300).injectNull(0.0)
                    .map(d -> d == null ? Double.NaN : d).array(double[].class).ofSize(n).injectNull(0.3);
            return Combinators.combine(times, any, any, any, any, any).as((t, d, v, h, c, a) ->
                    Samples.builder(t).distance(d).speed(v).heartRate(h).cadence(c).altitude(a).build());
        });
    }

    @Property(tries = 200)
    void analyserNeverThrowsAndNumbersAreSane(@ForAll("samples") Samples samples) {
        Activity a = new Activity("p", "prop", "", SportType.ROAD, Optional.of(Fixtures.at(Fixtures.TODAY, 7)), null, null, null,
                null, samples, List.of(), SessionTags.none());
        RunAnalysis r = RunAnalyzer.analyze(a, TH, RunContext.none(), UnitSystem.METRIC);
        assertThat(r.classification().confidence()).isBetween(0.0, 1.0);
        assertThat(r.load().value()).isGreaterThanOrEqualTo(0);
        assertThat(r.movingS()).isGreaterThanOrEqualTo(0);
        r.hrZones().toOptional().ifPresent(z -> assertThat(z.totalSeconds()).isLessThanOrEqualTo(r.movingS() + 1e-6));
    }

    @Property
    void gapFactorIsMonotoneUphillAndFlooredDownhill(@ForAll @DoubleRange(min = -0.45, max = 0.44) double grade) {
        assertThat(GradeAdjustment.factor(grade)).isGreaterThanOrEqualTo(GradeAdjustment.DOWNHILL_FLOOR);
        if (grade >= 0) {
            assertThat(GradeAdjustment.factor(grade + 0.01)).isGreaterThanOrEqualTo(GradeAdjustment.factor(grade));
        }
    }

    @Property
    void vdotRoundTripsThroughEquivalentTime(@ForAll @DoubleRange(min = 25, max = 80) double vdot,
                                             @ForAll @DoubleRange(min = 1500, max = 42195) double metres) {
        double t = Vdot.equivalentTimeS(vdot, metres);
        assertThat(Vdot.of(metres, t)).isCloseTo(vdot, org.assertj.core.api.Assertions.within(0.01));
    }
}
