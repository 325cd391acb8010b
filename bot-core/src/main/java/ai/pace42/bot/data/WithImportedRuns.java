package ai.pace42.bot.data;

import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.ActivityHeader;
import ai.pace42.coach.model.ActivitySource;
import ai.pace42.coach.model.ForwardingActivitySource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A linked source (Garmin) with the runs the runner imported from files added, so older runs beyond Garmin's reach
 * count too. A file run that started within {@link ImportedFiles#SAME_RUN} of a linked run is the same run recorded twice and
 * left out: the linked copy wins. Everything else (readiness, profile, trouble, freshness) is the linked source's:
 * the imported files are always at hand.
 */
final class WithImportedRuns extends ForwardingActivitySource {

    private final ActivitySource linked;
    private final ActivitySource files;

    WithImportedRuns(ActivitySource linked, ActivitySource files) {
        super(linked);
        this.linked = linked;
        this.files = files;
    }

    @Override
    public String label() {
        return linked.label() + " and imported files";
    }

    @Override
    public List<ActivityHeader> list(Instant from, Instant to) {
        List<ActivityHeader> runs = new ArrayList<>(linked.list(from, to));
        List<Instant> linkedStarts = runs.stream().flatMap(h -> h.start().stream()).map(z -> z.toInstant()).toList();
        for (ActivityHeader file : files.list(from, to)) {
            boolean twice = file.start().map(z -> z.toInstant())
                    .map(s -> linkedStarts.stream().anyMatch(l -> Duration.between(l, s).abs().compareTo(ImportedFiles.SAME_RUN) <= 0))
                    .orElse(false);
            if (!twice) {
                runs.add(file);
            }
        }
        runs.sort(Comparator.comparing((ActivityHeader h) -> h.start().map(z -> z.toInstant()).orElse(Instant.MIN))
                .reversed());
        return runs;
    }

    // Imported runs are looked up first: a local lookup, where an unknown id at Garmin would cost a call.
    @Override
    public Optional<Activity> load(String activityId) {
        return files.load(activityId).or(() -> linked.load(activityId));
    }

    @Override
    public Optional<Activity> summary(String activityId) {
        return files.summary(activityId).or(() -> linked.summary(activityId));
    }

    @Override
    public Optional<ActivityHeader> newest() {
        return java.util.stream.Stream.of(linked.newest(), files.newest()).flatMap(Optional::stream)
                .max(Comparator.comparing((ActivityHeader h) -> h.start().map(z -> z.toInstant())
                        .orElse(Instant.MIN)));
    }
}
