package ai.pace42.coach.sample;

import ai.pace42.coach.Fixtures;
import ai.pace42.coach.analysis.RunAnalysis;
import ai.pace42.coach.analysis.SessionType;
import ai.pace42.coach.fitness.TrainingHistory;
import ai.pace42.coach.model.Activity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample athlete records like a watch: km splits of a steady run differ by seconds, GPS positions wander,
 * and some easy runs hold a standing stop with the timer running, which the analysis sets aside.
 */
class SampleNoiseTest {

    private static final List<Activity> RUNS = SampleAthleteTest.all(SampleAthleteTest.SAMPLE);
    private static final TrainingHistory H = Fixtures.history(SampleAthleteTest.SAMPLE.profile(), RUNS);

    @Test
    void steadyKmSplitsDifferBySecondsNotFractions() {
        RunAnalysis easy = H.runs().stream().filter(r -> r.type() == SessionType.EASY && r.pacing().isKnown()
                && r.pacing().get().splits().size() >= 6).reduce((a, b) -> b).orElseThrow();
        double[] paces = easy.pacing().get().splits().stream().filter(s -> !s.partial()).mapToDouble(s -> 1000 / s.speed()).toArray();
        double fastest = java.util.Arrays.stream(paces).min().orElseThrow();
        double slowest = java.util.Arrays.stream(paces).max().orElseThrow();
        // Two halves 5 s/km apart by design; the watch-like wander adds more than a couple of seconds on top.
        assertThat(slowest - fastest).isGreaterThan(8);
    }

    @Test
    void gpsPositionsWanderAcrossTheTrack() {
        Activity outdoor = RUNS.stream().filter(a -> a.samples().hasPosition()).findFirst().orElseThrow();
        double[] lon = outdoor.samples().longitude();
        assertThat(java.util.Arrays.stream(lon).distinct().count()).isGreaterThan(lon.length / 2);
    }

    @Test
    void someEasyRunsHaveAStandingStopThatIsNotMovingTime() {
        Activity withStop = RUNS.stream().filter(a -> {
            double[] v = a.samples().speedMps();
            return a.samples().size() > 1 && java.util.Arrays.stream(v).filter(x -> x == 0).count() >= 30;
        }).findFirst().orElseThrow();
        RunAnalysis r = H.runs().stream().filter(x -> x.activity().id().equals(withStop.id())).findFirst().orElseThrow();

        assertThat(r.type()).isEqualTo(SessionType.EASY);
        // 40 minutes of running plus a 35 s stop: the stop is not moving time.
        assertThat(r.movingS()).isLessThan(40 * 60 + 5);
    }
}
