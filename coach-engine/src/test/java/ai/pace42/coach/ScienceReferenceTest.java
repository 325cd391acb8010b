package ai.pace42.coach;

import ai.pace42.coach.analysis.DataQuality;
import ai.pace42.coach.analysis.GradeAdjustment;
import ai.pace42.coach.analysis.LoadCalculator;
import ai.pace42.coach.analysis.RunStreams;
import ai.pace42.coach.analysis.Thresholds;
import ai.pace42.coach.analysis.TrainingPaces;
import ai.pace42.coach.analysis.Vdot;
import ai.pace42.coach.fitness.FitnessDay;
import ai.pace42.coach.fitness.FitnessModel;
import ai.pace42.coach.fitness.LoadStatusCalculator;
import ai.pace42.coach.fitness.RacePredictor;
import ai.pace42.coach.fitness.SpikeCheck;
import ai.pace42.coach.fitness.SpikeLevel;
import ai.pace42.coach.model.Samples;
import ai.pace42.coach.model.Sex;
import ai.pace42.coach.model.Sourced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Worked numbers of coaching-science.md §3 and Daniels' published tables. */
class ScienceReferenceTest {

    static double seconds(String clock) {
        String[] p = clock.split(":");
        double s = 0;
        for (String x : p) {
            s = s * 60 + Double.parseDouble(x);
        }
        return s;
    }

    @ParameterizedTest(name = "{0} m in {1} → VDOT {2}")
    @CsvSource({
            // reference §3.12 worked values
            "5000, 20:00, 49.8", "5000, 25:00, 38.3", "10000, 45:00, 45.3", "21097.5, 1:45:00, 42.6",
            "21097.5, 1:45:30, 42.4", "42195, 3:30:00, 44.6",
            // Daniels' published race-equivalence table
            "5000, 30:40, 30", "10000, 1:03:46, 30", "5000, 24:08, 40", "10000, 50:03, 40", "21097.5, 1:50:59, 40",
            "42195, 3:49:45, 40", "5000, 19:57, 50", "10000, 41:21, 50", "21097.5, 1:31:35, 50", "42195, 3:10:49, 50",
            "5000, 17:03, 60", "10000, 35:22, 60", "21097.5, 1:18:09, 60"})
    void vdotMatchesPublishedValuesWithinHalfAPoint(double metres, String time, double vdot) {
        assertThat(Vdot.of(metres, seconds(time))).isCloseTo(vdot, within(0.5));
    }

    @ParameterizedTest(name = "VDOT {0} over {1} m → {2}")
    @CsvSource({"49.8, 10000, 41:28", "49.8, 21097.5, 1:31:50", "49.8, 42195, 3:11:17", "50, 5000, 19:57"})
    void equivalentTimesMatchTheReference(double vdot, double metres, String time) {
        assertThat(Vdot.equivalentTimeS(vdot, metres)).isCloseTo(seconds(time), within(4.0));
    }

    @ParameterizedTest(name = "VDOT {0}: {1} pace {2}/km")
    @CsvSource({"49.8, T, 4:16", "49.8, I, 3:56", "49.8, R, 3:42", "49.8, M, 4:32",
            "50, T, 4:15", "50, I, 3:55", "40, T, 5:06", "40, I, 4:42", "60, T, 3:40", "60, I, 3:23"})
    void trainingPacesWithinTwoSecondsPerKm(double vdot, String kind, String pace) {
        TrainingPaces p = TrainingPaces.forVdot(vdot);
        double speed = switch (kind) {
            case "T" -> p.thresholdSpeed();
            case "I" -> p.intervalSpeed();
            case "R" -> p.repetitionSpeed();
            default -> p.marathonSpeed();
        };
        assertThat(TrainingPaces.secondsPerKm(speed)).isCloseTo(seconds(pace), within(2.0));
    }

    @Test
    void easyRangeIsSlowerThanMarathonPace() {
        TrainingPaces p = TrainingPaces.forVdot(49.8);
        assertThat(p.easyFastSpeed()).isLessThan(p.marathonSpeed());
        assertThat(p.easySlowSpeed()).isLessThan(p.easyFastSpeed());
        assertThat(TrainingPaces.secondsPerKm(p.easySlowSpeed())).isCloseTo(seconds("5:53"), within(2.0));
    }

    @Test
    void riegelMatchesTheWorkedExample() {
        assertThat(RacePredictor.riegel(5000, 1200, 10_000)).isCloseTo(seconds("41:42"), within(2.0));
        assertThat(RacePredictor.riegel(5000, 1200, 21_097.5)).isCloseTo(seconds("1:32:00"), within(10.0));
        assertThat(RacePredictor.riegel(5000, 1200, 42_195)).isCloseTo(seconds("3:11:49"), within(20.0));
    }

    @Test
    void volumeAdjustmentOnlySlowsLongRacesForLowVolume() {
        var lowVolume = RacePredictor.predict("marathon", 42_195, 49.8, 5000, 1200, 30, 18);
        var highVolume = RacePredictor.predict("marathon", 42_195, 49.8, 5000, 1200, 90, 32);
        var tenK = RacePredictor.predict("10 km", 10_000, 49.8, 5000, 1200, 30, 18);
        assertThat(lowVolume.adjustedTimeS()).isGreaterThan(Math.min(lowVolume.vdotTimeS(), lowVolume.riegelTimeS()) * 1.05);
        assertThat(highVolume.adjustedTimeS()).isEqualTo(Math.min(highVolume.vdotTimeS(), highVolume.riegelTimeS()));
        assertThat(tenK.adjusted()).isFalse();
        assertThat(lowVolume.adjustmentNote()).contains("estimate").contains("30 km/week");
    }

    @Test
    void banisterTrimpWorkedExample() {
        double hrr = (150.0 - 50) / (190 - 50);
        assertThat(LoadCalculator.trimp(60, hrr, Sex.MALE)).isCloseTo(108.1, within(0.1));
        assertThat(LoadCalculator.trimp(60, hrr, Sex.FEMALE)).isCloseTo(121.5, within(0.1));
    }

    @Test
    void perSampleTrimpExceedsAverageHrTrimpOnIntervals() {
        int n = 6 * 6 * 60 + 1;
        double[] t = new double[n], hr = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i;
            hr[i] = (i - 1) % 360 < 240 ? 50 + 0.9 * 140 : 50 + 0.6 * 140;
        }
        RunStreams s = RunStreams.of(Samples.builder(t).heartRate(hr).build());
        Thresholds th = new Thresholds(Optional.of(Sourced.userSet(190.0)), Sourced.userSet(50.0), Optional.empty(),
                Optional.empty(), Optional.empty(), Sourced.userSet(Sex.MALE));
        var load = LoadCalculator.of(s, new DataQuality(Set.of(), true, false, false, 0), th, new double[n]);
        assertThat(load.trimp()).isCloseTo(92.4, within(0.2));
        assertThat(LoadCalculator.trimp(36, 0.8, Sex.MALE)).isCloseTo(85.6, within(0.1));
    }

    @Test
    void hrssIsOneHundredForAnHourAtThreshold() {
        int n = 3601;
        double[] t = new double[n], hr = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i;
            hr[i] = 170;
        }
        Thresholds th = new Thresholds(Optional.of(Sourced.userSet(188.0)), Sourced.userSet(50.0), Optional.of(Sourced.userSet(170.0)),
                Optional.empty(), Optional.empty(), Sourced.userSet(Sex.MALE));
        var load = LoadCalculator.of(RunStreams.of(Samples.builder(t).heartRate(hr).build()),
                new DataQuality(Set.of(), true, false, false, 0), th, new double[n]);
        assertThat(load.value()).isCloseTo(100, within(0.1));
    }

    @Test
    void minettiFactorsMatchTheReference() {
        assertThat(GradeAdjustment.minettiFactor(0.05)).isCloseTo(1.301, within(0.002));
        assertThat(GradeAdjustment.minettiFactor(0.10)).isCloseTo(1.658, within(0.002));
        assertThat(GradeAdjustment.minettiFactor(-0.05)).isCloseTo(0.763, within(0.002));
        assertThat(GradeAdjustment.minettiFactor(-0.10)).isCloseTo(0.598, within(0.002));
        assertThat(GradeAdjustment.factor(-0.10)).isEqualTo(GradeAdjustment.DOWNHILL_FLOOR);
        assertThat(GradeAdjustment.factor(0)).isEqualTo(1.0);
    }

    @Test
    void monotonyAndStrainWorkedExample() {
        double[] ms = LoadStatusCalculator.monotonyAndStrain(new double[] {60, 0, 80, 40, 120, 0, 150});
        assertThat(ms[0]).isCloseTo(1.22, within(0.01));
        assertThat(ms[1]).isCloseTo(547, within(2.0));
        assertThat(LoadStatusCalculator.monotonyAndStrain(new double[7])[0]).isNaN();
        assertThat(LoadStatusCalculator.monotonyAndStrain(new double[] {50, 50, 50, 50, 50, 50, 50})[0]).isEqualTo(10);
    }

    @Test
    void fitnessModelUsesTheDocumentedExponentialVariant() {
        assertThat(FitnessModel.K_FITNESS).isCloseTo(0.0235, within(0.0001));
        assertThat(FitnessModel.K_FATIGUE).isCloseTo(0.1331, within(0.0001));
        LocalDate d0 = LocalDate.of(2026, 1, 1);
        var days = FitnessModel.compute(Map.of(d0, 100.0), d0, d0.plusDays(1));
        FitnessDay first = days.get(0), second = days.get(1);
        assertThat(first.form()).isZero();
        assertThat(first.fitness()).isCloseTo(100 * FitnessModel.K_FITNESS, within(1e-9));
        assertThat(second.form()).isCloseTo(first.fitness() - first.fatigue(), within(1e-9));
        // A constant load converges to that load.
        double[] loads = new double[400];
        java.util.Arrays.fill(loads, 70);
        assertThat(FitnessModel.last(loads)[0]).isCloseTo(70, within(0.5));
    }

    @ParameterizedTest(name = "{0} km after a 30-day longest of {1} km → {2}")
    @CsvSource({"10.5, 10, NONE", "12, 10, SMALL", "21, 14, MODERATE", "25, 10, LARGE", "5, 0, NO_BASELINE"})
    void spikeGuardBands(double km, double longest, SpikeLevel level) {
        assertThat(SpikeCheck.of(km * 1000, longest * 1000).level()).isEqualTo(level);
    }
}
