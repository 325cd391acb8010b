package ai.pace42.coach.sample;

import ai.pace42.coach.Fixtures;
import ai.pace42.coach.analysis.QualityFlag;
import ai.pace42.coach.analysis.RunAnalysis;
import ai.pace42.coach.analysis.SessionType;
import ai.pace42.coach.fitness.TrainingHistory;
import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.ActivityHeader;
import ai.pace42.coach.model.LapIntensity;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample athlete is deterministic and contains every kind of run the issue promises. */
class SampleAthleteTest {

    static final SampleAthlete SAMPLE = new SampleAthlete(Clock.fixed(Fixtures.NOW, ZoneOffset.UTC), Fixtures.ZONE);

    static List<Activity> all(SampleAthlete s) {
        return s.list(Instant.EPOCH, Fixtures.NOW).stream().map(h -> s.load(h.id()).orElseThrow()).toList();
    }

    @Test
    void sameDateGivesTheSameRuns() {
        SampleAthlete other = new SampleAthlete(Clock.fixed(Fixtures.NOW, ZoneOffset.UTC), Fixtures.ZONE);
        List<Activity> a = all(SAMPLE), b = all(other);
        assertThat(a).hasSameSizeAs(b);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).id()).isEqualTo(b.get(i).id());
            assertThat(Arrays.equals(a.get(i).samples().heartRate(), b.get(i).samples().heartRate())).isTrue();
            assertThat(Arrays.equals(a.get(i).samples().speedMps(), b.get(i).samples().speedMps())).isTrue();
        }
    }

    @Test
    void sixteenWeeksEndingYesterdayNewestFirst() {
        List<ActivityHeader> headers = SAMPLE.list(Instant.EPOCH, Fixtures.NOW);
        assertThat(headers.get(0).start().get().toLocalDate()).isEqualTo(Fixtures.TODAY.minusDays(1));
        assertThat(headers.get(headers.size() - 1).start().get().toLocalDate()).isAfterOrEqualTo(Fixtures.TODAY.minusWeeks(16));
        assertThat(headers).hasSizeBetween(16 * 3, 16 * 5);
        assertThat(SAMPLE.isSample()).isTrue();
        assertThat(SAMPLE.load("no-such-run")).isEmpty();
    }

    @Test
    void containsEveryPromisedKindOfRun() {
        List<Activity> runs = all(SAMPLE);
        TrainingHistory h = Fixtures.history(SAMPLE.profile(), runs);
        List<SessionType> types = h.runs().stream().map(RunAnalysis::type).distinct().toList();
        assertThat(types).contains(SessionType.EASY, SessionType.LONG, SessionType.TEMPO, SessionType.INTERVALS, SessionType.RACE);
        assertThat(h.runs()).anyMatch(r -> r.quality().has(QualityFlag.HOT) && r.decoupling().toOptional().map(d -> d.percent() > 5).orElse(false));
        assertThat(h.runs()).anyMatch(r -> r.activity().sport().indoor() && r.quality().has(QualityFlag.NO_GPS));
        assertThat(h.runs()).anyMatch(r -> r.quality().has(QualityFlag.NO_HEART_RATE));
        assertThat(h.runs()).anyMatch(r -> r.quality().has(QualityFlag.PAUSED));
        assertThat(runs).anyMatch(a -> a.laps().stream().anyMatch(l -> l.intensity() == LapIntensity.REST));
        // A cut-back week: some week at least 20% below the one before it.
        var weeks = ai.pace42.coach.fitness.LoadStatusCalculator.of(h, Fixtures.TODAY).weeks();
        boolean cutBack = false;
        for (int i = 1; i < weeks.size() - 1; i++) {
            cutBack |= weeks.get(i).distanceM() < 0.8 * weeks.get(i - 1).distanceM();
        }
        assertThat(cutBack).isTrue();
    }

    @Test
    void heartRateLagsPaceChangesLikeARealHeart() {
        Activity intervals = all(SAMPLE).stream().filter(a -> a.laps().size() > 5).findFirst().orElseThrow();
        var rep = intervals.laps().stream().filter(l -> l.intensity() == LapIntensity.ACTIVE).findFirst().orElseThrow();
        int start = (int) rep.startS();
        double[] hr = intervals.samples().heartRate();
        assertThat(hr[start + 60] - hr[start + 2]).as("HR still rising a minute into the rep").isGreaterThan(10);
    }
}
