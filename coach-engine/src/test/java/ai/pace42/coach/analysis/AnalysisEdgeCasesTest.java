package ai.pace42.coach.analysis;

import ai.pace42.coach.Fixtures;
import ai.pace42.coach.UnitSystem;
import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.ActivitySummary;
import ai.pace42.coach.model.Lap;
import ai.pace42.coach.model.LapIntensity;
import ai.pace42.coach.model.Samples;
import ai.pace42.coach.model.SessionTags;
import ai.pace42.coach.model.SportType;
import ai.pace42.coach.sample.RunSynthesizer;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every analysis function on the awkward shapes real data comes in: empty, a single sample, no HR, no GPS (and no
 * speed), paused. Each must either compute or say why not, and which one it does is pinned per shape.
 */
class AnalysisEdgeCasesTest {

    static final Thresholds TH = ai.pace42.coach.fitness.ThresholdResolver.resolve(Fixtures.goldenProfile(), List.of());

    static Activity empty() {
        return new Activity("empty", "test", "", SportType.ROAD, Optional.of(Fixtures.at(Fixtures.TODAY, 7)), null, null, null,
                null, Samples.empty(), List.of(), SessionTags.none());
    }

    static Activity single() {
        Samples s = Samples.builder(new double[] {0}).distance(new double[] {0}).speed(new double[] {3})
                .heartRate(new double[] {140}).cadence(new double[] {170}).altitude(new double[] {10})
                .position(new double[] {52}, new double[] {4}).build();
        return new Activity("single", "test", "", SportType.ROAD, Optional.of(Fixtures.at(Fixtures.TODAY, 7)), null, null, null,
                null, s, List.of(), SessionTags.none());
    }

    static Activity hrLess() {
        return RunSynthesizer.seeded(1).segment(50, 340, 140, 142).withoutHeartRate().build("nohr", "test", Fixtures.at(Fixtures.TODAY, 7));
    }

    /** Treadmill without GPS and without a speed column: only elapsed time, HR and cadence. */
    static Activity gpsLessNoSpeed() {
        Activity a = RunSynthesizer.seeded(2).segment(45, 330, 140, 145).sport(SportType.TREADMILL).withoutGps()
                .build("tm", "test", Fixtures.at(Fixtures.TODAY, 7));
        Samples s = a.samples();
        Samples stripped = Samples.builder(s.elapsedS()).heartRate(s.heartRate()).cadence(s.cadenceSpm()).build();
        return new Activity("tm", "test", "Treadmill", SportType.TREADMILL, a.start(), a.elapsedS(), a.movingS(),
                OptionalDouble.of(8000), ActivitySummary.none(), stripped, List.of(), SessionTags.none());
    }

    static Activity paused() {
        return RunSynthesizer.seeded(3).segment(50, 340, 140, 142).pause(20, 600).build("paused", "test", Fixtures.at(Fixtures.TODAY, 7));
    }

    /** Summary only: the shape of a manual entry or a platform that sent no streams. */
    static Activity summaryOnly() {
        return new Activity("manual", "test", "Manual run", SportType.ROAD, Optional.of(Fixtures.at(Fixtures.TODAY, 7)),
                OptionalDouble.of(3000), OptionalDouble.of(3000), OptionalDouble.of(9000), ActivitySummary.none(),
                Samples.empty(), List.of(new Lap(0, 3000, OptionalDouble.empty(), LapIntensity.UNKNOWN)), SessionTags.none());
    }

    static Stream<Named<Activity>> shapes() {
        return Stream.of(Named.of("empty", empty()), Named.of("single sample", single()), Named.of("no HR", hrLess()),
                Named.of("no GPS, no speed", gpsLessNoSpeed()), Named.of("paused", paused()), Named.of("summary only", summaryOnly()));
    }

    static Stream<Named<Function<Activity, Object>>> functions() {
        return Stream.of(
                Named.of("quality gate", a -> DataQualityGate.assess(a, RunStreams.of(a), TH)),
                Named.of("pacing", a -> PacingAnalysis.of(RunStreams.of(a), 1000, true)),
                Named.of("HR zones", a -> ZoneAnalysis.heartRate(RunStreams.of(a), DataQualityGate.assess(a, RunStreams.of(a), TH), TH)),
                Named.of("pace zones", a -> ZoneAnalysis.pace(RunStreams.of(a), TH)),
                Named.of("decoupling", a -> DecouplingAnalysis.of(RunStreams.of(a), DataQualityGate.assess(a, RunStreams.of(a), TH),
                        SessionType.EASY, RunStreams.of(a).speed())),
                Named.of("elevation", a -> {
                    RunStreams s = RunStreams.of(a);
                    double[] g = ElevationAnalysis.grades(s);
                    return ElevationAnalysis.of(s, DataQualityGate.assess(a, s, TH), g, ElevationAnalysis.gradeAdjustedSpeeds(s, g));
                }),
                Named.of("intervals from laps", a -> IntervalAnalysis.fromLaps(a.laps(), RunStreams.of(a), true)),
                Named.of("intervals from speed", a -> IntervalAnalysis.fromSpeed(RunStreams.of(a), true)),
                Named.of("load", a -> LoadCalculator.of(RunStreams.of(a), DataQualityGate.assess(a, RunStreams.of(a), TH), TH, RunStreams.of(a).speed())),
                Named.of("whole analysis", a -> RunAnalyzer.analyze(a, TH, RunContext.none(), UnitSystem.METRIC)));
    }

    /**
     * What each function makes of each shape, one column per shape in {@link #shapes()} order: {@code known},
     * or a phrase of the reason it gives for not computing; the quality gate's flags, the load's method, the
     * whole analysis's session type.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            quality gate         | NO_SAMPLES             | none                    | NO_HEART_RATE             | NO_ALTITUDE NO_GPS      | PAUSED                    | NO_SAMPLES
            pacing               | not enough distance    | not enough distance     | known                     | not enough distance     | known                     | not enough distance
            HR zones             | heart rate is missing  | known                   | heart rate is missing     | known                   | known                     | heart rate is missing
            pace zones           | no pace data           | known                   | known                     | no pace data            | known                     | no pace data
            decoupling           | heart rate is missing  | shorter than 40 minutes | heart rate is missing     | no pace data            | known                     | heart rate is missing
            elevation            | no usable altitude     | known                   | known                     | no usable altitude      | known                     | no usable altitude
            intervals from laps  | work and rest laps     | work and rest laps      | work and rest laps        | work and rest laps      | work and rest laps        | work and rest laps
            intervals from speed | no pace data           | not enough moving pace  | no repeated faster        | no pace data            | no repeated faster        | no pace data
            load                 | NONE                   | HEART_RATE              | PACE                      | HEART_RATE              | HEART_RATE                | NONE
            whole analysis       | UNKNOWN                | UNKNOWN                 | EASY                      | EASY                    | EASY                      | EASY
            """)
    void eachFunctionComputesOrSaysWhyNotOnEveryShape(String function, String empty, String single, String noHr,
                                                      String noGps, String paused, String summaryOnly) {
        Function<Activity, Object> fn = functions().filter(f -> f.getName().equals(function)).findFirst()
                .orElseThrow().getPayload();
        List<String> expected = List.of(empty, single, noHr, noGps, paused, summaryOnly);
        List<Named<Activity>> shapes = shapes().toList();
        for (int i = 0; i < shapes.size(); i++) {
            Object result = fn.apply(shapes.get(i).getPayload());
            String as = function + " on " + shapes.get(i).getName();
            if (result instanceof Measured<?> m && !m.isKnown()) {
                assertThat(m.reason()).as(as).contains(expected.get(i));
            } else {
                assertThat(verdict(result)).as(as).isEqualTo(expected.get(i));
            }
        }
    }

    private static String verdict(Object result) {
        if (result instanceof Measured<?>) {
            return "known";
        }
        if (result instanceof DataQuality q) {
            return q.flags().isEmpty() ? "none"
                    : q.flags().stream().map(Enum::name).sorted().collect(java.util.stream.Collectors.joining(" "));
        }
        if (result instanceof Load load) {
            return load.method().name();
        }
        return ((RunAnalysis) result).type().name();
    }

    @Test
    void emptyAndSingleSampleRunsSayNotEnoughData() {
        for (Activity a : List.of(empty(), single())) {
            RunAnalysis r = RunAnalyzer.analyze(a, TH, RunContext.none(), UnitSystem.METRIC);
            assertThat(r.pacing().isKnown()).isFalse();
            assertThat(r.pacing().reason()).contains("not enough");
            assertThat(r.decoupling().isKnown()).isFalse();
            assertThat(r.intervals().isKnown()).isFalse();
        }
        RunAnalysis e = RunAnalyzer.analyze(empty(), TH, RunContext.none(), UnitSystem.METRIC);
        assertThat(e.quality().has(QualityFlag.NO_SAMPLES)).isTrue();
        assertThat(e.type()).isEqualTo(SessionType.UNKNOWN);
        assertThat(e.load().method()).isEqualTo(LoadMethod.NONE);
        assertThat(e.load().value()).isZero();
        assertThat(e.movingS()).as("no samples and no recorded times: nothing moved").isZero();
    }

    /** A details stream whose timestamps all repeat one instant (seen on a recorded Garmin payload). */
    @Test
    void samplesThatNeverAdvanceInTimeAreNotReadAsInfiniteSpeed() {
        int n = 30;
        double[] time = new double[n];
        double[] dist = new double[n];
        double[] speed = new double[n];
        double[] hr = new double[n];
        for (int i = 0; i < n; i++) {
            dist[i] = 7000.0 * i / (n - 1);
            speed[i] = 3.3;
            hr[i] = 150;
        }
        Samples s = Samples.builder(time).distance(dist).speed(speed).heartRate(hr).build();
        Activity a = new Activity("frozen", "test", "", SportType.ROAD, Optional.of(Fixtures.at(Fixtures.TODAY, 7)),
                OptionalDouble.of(2100), OptionalDouble.of(2100), OptionalDouble.of(7000), ActivitySummary.none(), s,
                List.of(), SessionTags.none());

        RunAnalysis r = RunAnalyzer.analyze(a, TH, RunContext.none(), UnitSystem.METRIC);

        assertThat(r.type()).as("7 km in 35 min is running speed").isNotEqualTo(SessionType.OTHER_SPORT);
        assertThat(r.classification().reason()).doesNotContain("Infinity").doesNotContain("km/h");
    }

    @Test
    void hrLessRunFallsBackToPaceAndSaysSo() {
        RunAnalysis r = RunAnalyzer.analyze(hrLess(), TH, RunContext.none(), UnitSystem.METRIC);
        assertThat(r.quality().has(QualityFlag.NO_HEART_RATE)).isTrue();
        assertThat(r.averageHr().reason()).contains("no heart-rate data");
        assertThat(r.hrZones().isKnown()).isFalse();
        assertThat(r.paceZones().isKnown()).isTrue();
        assertThat(r.load().method()).isEqualTo(LoadMethod.PACE);
        assertThat(r.load().note()).contains("estimated from pace");
        assertThat(r.pacing().get().splits()).hasSizeGreaterThan(7);
    }

    @Test
    void gpsLessRunWithoutSpeedStillUsesHeartRate() {
        RunAnalysis r = RunAnalyzer.analyze(gpsLessNoSpeed(), TH, RunContext.none(), UnitSystem.METRIC);
        assertThat(r.quality().has(QualityFlag.NO_GPS)).isTrue();
        assertThat(r.quality().has(QualityFlag.NO_ALTITUDE)).isTrue();
        assertThat(r.pacing().isKnown()).isFalse();
        assertThat(r.hrZones().isKnown()).isTrue();
        assertThat(r.load().method()).isEqualTo(LoadMethod.HEART_RATE);
        assertThat(r.distanceM()).isEqualTo(8000);
        assertThat(r.averageSpeed().get()).isGreaterThan(2.9);
    }

    @Test
    void pausesAreExcludedFromMovingTime() {
        RunAnalysis r = RunAnalyzer.analyze(paused(), TH, RunContext.none(), UnitSystem.METRIC);
        assertThat(r.quality().has(QualityFlag.PAUSED)).isTrue();
        assertThat(r.movingS()).isCloseTo(50 * 60, org.assertj.core.api.Assertions.within(5.0));
        assertThat(r.activity().elapsedS().getAsDouble()).isCloseTo(60 * 60, org.assertj.core.api.Assertions.within(5.0));
        assertThat(1000 / r.averageSpeed().get()).isCloseTo(340, org.assertj.core.api.Assertions.within(3.0));
    }

    @Test
    void summaryOnlyRunKeepsItsSummaryNumbers() {
        RunAnalysis r = RunAnalyzer.analyze(summaryOnly(), TH, RunContext.none(), UnitSystem.METRIC);
        assertThat(r.distanceM()).isEqualTo(9000);
        assertThat(r.movingS()).isEqualTo(3000);
        assertThat(r.averageSpeed().get()).isEqualTo(3.0);
        assertThat(r.averageHr().reason()).isEqualTo("no per-second data");
    }

    @Test
    void flatLineHeartRateIsNotTrusted() {
        Activity a = RunSynthesizer.seeded(8).segment(40, 340, 140, 140).build("flat", "test", Fixtures.at(Fixtures.TODAY, 7));
        double[] hr = a.samples().heartRate().clone();
        java.util.Arrays.fill(hr, 600, 1200, 131);
        Samples s = Samples.builder(a.samples().elapsedS()).speed(a.samples().speedMps()).heartRate(hr).build();
        Activity flat = new Activity("flat", "test", "", SportType.ROAD, a.start(), null, null, null, null, s, List.of(), null);
        RunAnalysis r = RunAnalyzer.analyze(flat, TH, RunContext.none(), UnitSystem.METRIC);
        assertThat(r.quality().has(QualityFlag.HR_FLATLINE)).isTrue();
        assertThat(r.quality().hrReliable()).isFalse();
        assertThat(r.load().method()).isEqualTo(LoadMethod.PACE);
        RunAnalysis normal = RunAnalyzer.analyze(a, TH, RunContext.none(), UnitSystem.METRIC);
        assertThat(normal.quality().has(QualityFlag.HR_FLATLINE)).isFalse();
    }

    @Test
    void gpsSpikesAreRemoved() {
        Activity a = RunSynthesizer.seeded(9).segment(30, 340, 140, 140).build("spiky", "test", Fixtures.at(Fixtures.TODAY, 7));
        double[] speed = a.samples().speedMps().clone();
        speed[100] = 40;
        speed[500] = 25;
        Samples s = Samples.builder(a.samples().elapsedS()).speed(speed).heartRate(a.samples().heartRate())
                .position(a.samples().latitude(), a.samples().longitude()).build();
        Activity spiky = new Activity("spiky", "test", "", SportType.ROAD, a.start(), null, null, null, null, s, List.of(), null);
        RunAnalysis r = RunAnalyzer.analyze(spiky, TH, RunContext.none(), UnitSystem.METRIC);
        assertThat(r.quality().has(QualityFlag.GPS_SPIKES)).isTrue();
        assertThat(1000 / r.averageSpeed().get()).isCloseTo(340, org.assertj.core.api.Assertions.within(3.0));
    }
}
