package ai.pace42.bot.data;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.ActivityHeader;
import ai.pace42.coach.model.ActivitySource;
import ai.pace42.coach.model.SourceTrouble;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The decorators every runner's own source goes through ({@code /profile} values, imported files) keep what the
 * linked source says about its freshness and trouble, so the answer can still say "Garmin data synced 4 min ago".
 */
class RunnerSourceForwardingTest {

    private static final Instant SYNCED = Instant.parse("2026-11-30T08:15:00Z");
    private static final SourceTrouble SLOW = new SourceTrouble("GARMIN_SLOW", "Garmin is answering slowly",
            Optional.empty(), Optional.of(SYNCED));

    /** A source with no runs that says when it synced and what is wrong, if anything. */
    private record Stated(String label, Optional<Instant> refreshedAt, Optional<SourceTrouble> trouble)
            implements ActivitySource {
        @Override
        public List<ActivityHeader> list(Instant from, Instant to) {
            return List.of();
        }

        @Override
        public Optional<Activity> load(String activityId) {
            return Optional.empty();
        }
    }

    /** A linked source that synced at {@link #SYNCED} and is slow now. */
    private static final ActivitySource GARMIN = new Stated("Garmin", Optional.of(SYNCED), Optional.of(SLOW));
    private static final ActivitySource NO_FILES = new Stated("imported files", Optional.empty(), Optional.empty());

    @Test
    void theRunnersProfileOverlayKeepsFreshnessAndTrouble() {
        ActivitySource withProfile = new WithRunnerProfile(GARMIN, UnaryOperator.identity());

        assertThat(withProfile.refreshedAt()).contains(SYNCED);
        assertThat(withProfile.trouble()).contains(SLOW);
        assertThat(withProfile.label()).isEqualTo("Garmin");
    }

    @Test
    void garminWithImportedFilesUnderTheProfileOverlayKeepsFreshnessAndTrouble() {
        ActivitySource assembled = new WithRunnerProfile(new WithImportedRuns(GARMIN, NO_FILES),
                UnaryOperator.identity());

        assertThat(assembled.refreshedAt()).contains(SYNCED);
        assertThat(assembled.trouble()).contains(SLOW);
        assertThat(assembled.label()).isEqualTo("Garmin and imported files");
    }
}
