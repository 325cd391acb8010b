package ai.pace42.server.garmin;

import ai.pace42.bot.account.Account;
import ai.pace42.bot.conversation.FileAnalysis;
import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.CoachQuestion;
import ai.pace42.coach.DeterministicCoach;
import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.ActivityHeader;
import ai.pace42.coach.model.ActivitySource;
import ai.pace42.garmin.Result;
import ai.pace42.garmin.files.ActivityFileImporter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A FIT, GPX or TCX file sent in chat becomes one activity (Garmin client's importer) and is analysed by the same
 * coach as a last run, so a file answer and a Garmin answer can never disagree on how a run is read.
 */
public final class ActivityFileAnalysis implements FileAnalysis {

    private final ActivityFileImporter importer = new ActivityFileImporter();

    @Override
    public Optional<CoachAnswer> analyze(Account account, String fileName, byte[] content, Instant askedAt) {
        Result<CoachAnswer> answer = answer(account, fileName, content, askedAt);
        return Optional.of(answer.isOk() ? answer.value() : CoachAnswer.text(answer.problem().friendly()));
    }

    /** The coach's answer, or the import problem with its code (the {@code analyze} command reports codes). */
    public Result<CoachAnswer> answer(Account account, String fileName, byte[] content, Instant askedAt) {
        return importer.importBytes(fileName, content).map(activity -> {
            // A coach of its own per file: the file is not the runner's history and must not enter its cache.
            DeterministicCoach coach = new DeterministicCoach(id -> Optional.of(new OneFile(fileName, activity)));
            Instant asked = activity.startInstant().map(start -> askedFor(start, askedAt)).orElse(askedAt);
            return coach.answer(new CoachQuestion(account.id(), "Analyze my last run", account.units(),
                    account.effectiveZone(), asked));
        });
    }

    /**
     * The moment the question is treated as asked: now for a recent run, or a few hours after an old run's start,
     * so the coach's history window includes it (a file from last year is still worth reading).
     */
    private static Instant askedFor(Instant start, Instant now) {
        if (start.isAfter(now)) {
            return start.plus(Duration.ofHours(6));
        }
        return start.isBefore(now.minus(Duration.ofDays(150))) ? start.plus(Duration.ofHours(6)) : now;
    }

    /** The file's single activity as a source. */
    private record OneFile(String fileName, Activity activity) implements ActivitySource {

        @Override
        public String label() {
            return fileName;
        }

        @Override
        public List<ActivityHeader> list(Instant from, Instant to) {
            return activity.startInstant().filter(t -> !t.isBefore(from) && t.isBefore(to))
                    .map(t -> List.of(activity.header())).orElse(List.of());
        }

        @Override
        public Optional<Activity> load(String activityId) {
            return activity.header().id().equals(activityId) ? Optional.of(activity) : Optional.empty();
        }
    }
}
