package ai.pace42.coach;

import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.ActivityHeader;
import ai.pace42.coach.model.ActivitySource;
import ai.pace42.coach.model.AthleteProfile;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static ai.pace42.coach.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Follow-up questions reuse the analysed history; new runs and other accounts do not. */
class HistoryCacheTest {

    static final class CountingSource implements ActivitySource {
        final List<Activity> runs;
        final AtomicInteger loads = new AtomicInteger();
        private final ActivitySource delegate;

        CountingSource(List<Activity> runs) {
            this.runs = runs;
            this.delegate = Fixtures.source(goldenProfile(), runs);
        }

        @Override
        public String label() {
            return "counting";
        }

        @Override
        public List<ActivityHeader> list(Instant from, Instant to) {
            return delegate.list(from, to);
        }

        @Override
        public Optional<Activity> load(String id) {
            loads.incrementAndGet();
            return delegate.load(id);
        }

        @Override
        public AthleteProfile profile() {
            return goldenProfile();
        }
    }

    @Test
    void warmUpAnalysesAheadOfTheFirstQuestion() {
        CountingSource src = new CountingSource(List.of(easy("a", TODAY.minusDays(2), 40, 340, 140)));
        DeterministicCoach coach = new DeterministicCoach(acc -> acc.equals("known") ? Optional.of(src) : Optional.empty());
        assertThat(coach.warmUp("known", UnitSystem.METRIC, ZONE, NOW)).isTrue();
        assertThat(src.loads.get()).isEqualTo(1);
        coach.answer(new CoachQuestion("known", "analyze my last run", UnitSystem.METRIC, ZONE, NOW));
        assertThat(src.loads.get()).as("the question was answered from the warmed cache").isEqualTo(1);
        assertThat(coach.warmUp("unknown", UnitSystem.METRIC, ZONE, NOW)).isFalse();
    }

    @Test
    void secondQuestionDoesNotReloadOrReanalyse() {
        List<Activity> runs = new ArrayList<>(List.of(easy("a", TODAY.minusDays(3), 40, 340, 140), easy("b", TODAY.minusDays(1), 40, 340, 140)));
        CountingSource src = new CountingSource(runs);
        DeterministicCoach coach = new DeterministicCoach(acc -> Optional.of(src));
        CoachQuestion q = new CoachQuestion("acc-1", "analyze my last run", UnitSystem.METRIC, ZONE, NOW);
        String first = coach.answer(q).text();
        int loadsAfterFirst = src.loads.get();
        String second = coach.answer(q).text();
        assertThat(loadsAfterFirst).isEqualTo(2);
        assertThat(src.loads.get()).isEqualTo(2);
        assertThat(second).isEqualTo(first);

        runs.add(easy("c", TODAY, 30, 330, 142));
        String third = coach.answer(q).text();
        assertThat(src.loads.get()).isEqualTo(5);
        assertThat(third).contains("30:00").isNotEqualTo(first);

        coach.answer(new CoachQuestion("acc-2", "analyze my last run", UnitSystem.METRIC, ZONE, NOW));
        assertThat(src.loads.get()).as("another account never shares an entry").isEqualTo(8);
    }
}
