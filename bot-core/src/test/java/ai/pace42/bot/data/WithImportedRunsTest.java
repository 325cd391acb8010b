package ai.pace42.bot.data;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.ActivityHeader;
import ai.pace42.coach.model.ActivitySource;
import ai.pace42.coach.model.SportType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Garmin runs with the imported files added: a run both hold is counted once, Garmin's copy kept. */
class WithImportedRunsTest {

    private static final Instant T = Instant.parse("2026-05-10T06:30:00Z");

    private static ActivityHeader run(String id, Instant start) {
        return new ActivityHeader(id, id, SportType.ROAD, Optional.of(start.atZone(ZoneOffset.UTC)),
                OptionalDouble.of(1800), OptionalDouble.of(5000));
    }

    /** A fixed list of runs; loading one gives an activity named after its source. */
    private record Fixed(String label, List<ActivityHeader> runs) implements ActivitySource {
        @Override
        public List<ActivityHeader> list(Instant from, Instant to) {
            return runs;
        }

        @Override
        public Optional<Activity> load(String id) {
            return runs.stream().filter(h -> h.id().equals(id)).findFirst().map(h -> new Activity(id, label, label,
                    SportType.ROAD, h.start(), null, null, null, null, null, null, null));
        }
    }

    private final ActivitySource garmin = new Fixed("garmin", List.of(run("g1", T)));
    private final ActivitySource files = new Fixed("files", List.of(
            run("f-same", T.plusSeconds(240)),        // the same run as g1, from a file: within 300 s
            run("f-older", T.minusSeconds(86_400 * 40)), // before Garmin's reach
            run("f-after", T.plusSeconds(3_600))));      // an hour later: another run

    @Test
    void aRunInBothIsCountedOnceAndTheRestIsMergedNewestFirst() {
        ActivitySource merged = new WithImportedRuns(garmin, files);

        assertThat(merged.list(Instant.EPOCH, T.plusSeconds(86_400)))
                .extracting(ActivityHeader::id).containsExactly("f-after", "g1", "f-older");
        assertThat(merged.load("g1").orElseThrow().source()).isEqualTo("garmin");
        assertThat(merged.load("f-older").orElseThrow().source()).isEqualTo("files");
        assertThat(merged.label()).isEqualTo("garmin and imported files");
    }
}
