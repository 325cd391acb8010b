package ai.pace42.coach;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.ActivityHeader;
import ai.pace42.coach.model.ActivitySource;
import ai.pace42.coach.model.ActivitySummary;
import ai.pace42.coach.model.AthleteProfile;
import ai.pace42.coach.model.Samples;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The coach builds the history from summaries and loads in full only the run it analyses, so a remote source
 * (Garmin) answers a cold question with a couple of calls instead of one per run in the last months.
 */
class SummaryHistoryTest {

    /** Hands out full runs from {@code load} and sample-less copies from {@code summary}, counting both. */
    private static final class CountingSource implements ActivitySource {
        final ActivitySource full;
        final List<String> loaded = new CopyOnWriteArrayList<>();
        final List<String> summarised = new CopyOnWriteArrayList<>();

        CountingSource(ActivitySource full) {
            this.full = full;
        }

        @Override
        public String label() {
            return full.label();
        }

        @Override
        public List<ActivityHeader> list(Instant from, Instant to) {
            return full.list(from, to);
        }

        @Override
        public Optional<Activity> load(String id) {
            loaded.add(id);
            return full.load(id);
        }

        @Override
        public Optional<Activity> summary(String id) {
            summarised.add(id);
            return full.load(id).map(SummaryHistoryTest::summaryOf);
        }

        @Override
        public AthleteProfile profile() {
            return full.profile();
        }
    }

    /** What a Garmin list item carries: the averages, no samples, no laps. */
    static Activity summaryOf(Activity a) {
        ActivitySummary averages = new ActivitySummary(mean(a.samples().heartRate()),
                java.util.Arrays.stream(a.samples().heartRate()).max(), mean(a.samples().cadenceSpm()),
                a.summary().totalAscentM(), a.summary().totalDescentM(), a.summary().temperatureC());
        return new Activity(a.id(), a.source(), a.name(), a.sport(), a.start(), a.elapsedS(), a.movingS(),
                a.distanceM(), averages, Samples.empty(), List.of(), a.tags());
    }

    private static OptionalDouble mean(double[] values) {
        return java.util.Arrays.stream(values).filter(v -> !Double.isNaN(v)).average();
    }

    private static List<Activity> sixRuns() {
        List<Activity> runs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            runs.add(Fixtures.easy("run-" + i, Fixtures.TODAY.minusDays(2L * i), 40 + i, 330 + 3 * i, 140 + i));
        }
        return runs;
    }

    private static String ask(ActivitySource src, String question) {
        return new DeterministicCoach(account -> Optional.of(src))
                .answer(new CoachQuestion("runner-1", question, UnitSystem.METRIC, Fixtures.ZONE, Fixtures.NOW)).text();
    }

    @Test
    void theLastRunIsLoadedInFullAndEveryOlderRunOnlyAsASummary() {
        List<Activity> runs = sixRuns();
        CountingSource src = new CountingSource(Fixtures.source(Fixtures.goldenProfile(), runs));

        String answer = ask(src, "Analyze my last run");

        assertThat(src.loaded).containsExactly("run-0");
        assertThat(src.summarised).containsExactlyInAnyOrder("run-1", "run-2", "run-3", "run-4", "run-5");
        assertThat(answer).isEqualTo(ask(Fixtures.source(Fixtures.goldenProfile(), runs), "Analyze my last run"));
    }

    @Test
    void summaryOnlyRunsStillCountInTheFitnessTrend() {
        List<Activity> runs = sixRuns();
        CountingSource src = new CountingSource(Fixtures.source(Fixtures.goldenProfile(), runs));

        String fromSummaries = ask(src, "How is my fitness trending?");
        String fromFullRuns = ask(Fixtures.source(Fixtures.goldenProfile(), runs), "How is my fitness trending?");

        assertThat(src.loaded).containsExactly("run-0");
        assertThat(fromSummaries).doesNotContain("load unknown");
        // Steady runs: the load from average heart rate is within a few percent of the per-second one.
        assertThat(fromSummaries.replaceAll("[0-9]", "#")).isEqualTo(fromFullRuns.replaceAll("[0-9]", "#"));
    }

    @Test
    void anOlderRunTheRunnerAsksAboutIsLoadedInFullForItsReport() {
        List<Activity> runs = sixRuns(); // run-1 is on Tuesday 24 Nov
        CountingSource src = new CountingSource(Fixtures.source(Fixtures.goldenProfile(), runs));

        String answer = ask(src, "how was my run on tuesday?");

        assertThat(src.loaded).containsExactly("run-0", "run-1");
        assertThat(answer).contains("Tue 24 Nov")
                .isEqualTo(ask(Fixtures.source(Fixtures.goldenProfile(), runs), "how was my run on tuesday?"));
    }
}
