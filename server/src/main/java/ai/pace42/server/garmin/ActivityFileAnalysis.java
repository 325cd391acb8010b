package ai.pace42.server.garmin;

import ai.pace42.bot.account.Account;
import ai.pace42.bot.conversation.FileAnalysis;
import ai.pace42.bot.conversation.TurnCoach;
import ai.pace42.bot.data.ImportedFiles;
import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.CoachQuestion;
import ai.pace42.coach.DeterministicCoach;
import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.ActivityHeader;
import ai.pace42.coach.model.ActivitySource;
import ai.pace42.coach.model.AthleteProfile;
import ai.pace42.garmin.Result;
import ai.pace42.garmin.files.ActivityFileImporter;
import ai.pace42.garmin.files.ActivityFileImporter.ImportedFile;
import ai.pace42.garmin.files.BoundedZip;
import ai.pace42.garmin.files.FileNotes;
import ai.pace42.garmin.files.ImportProgress;
import ai.pace42.server.files.ImportProgressNotices;
import ai.pace42.server.files.ImportSummary;
import ai.pace42.server.files.ImportedRuns;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A FIT, GPX or TCX file sent in chat becomes one activity (Garmin client's importer) and is analysed by the same
 * coach as a last run, so a file answer and a Garmin answer can never disagree on how a run is read. In chat the
 * coach is the core's one configured stack ({@link TurnCoach}: question gate, plan coach, LLM, weather, cache),
 * asked with the upload as the account's runs for that turn; only the {@code analyze} command, which has no core,
 * uses the deterministic coach. With a history store, every run of the upload (all of a zip or a Garmin export)
 * joins the runner's imported runs first, and the analysis sees the runs before it, so it can compare.
 */
public final class ActivityFileAnalysis implements FileAnalysis {

    /** Without a core: the deterministic coach on the upload alone (the {@code analyze} command). */
    private static final TurnCoach DETERMINISTIC = (question, runs) ->
            new DeterministicCoach(id -> Optional.of(runs)).answer(question);

    private final ActivityFileImporter importer;
    private final Optional<ImportedRuns> history;
    private final Function<String, AthleteProfile> profiles;
    private final Clock clock;

    /** Analyses each file alone and keeps nothing (the {@code analyze} command). */
    public ActivityFileAnalysis() {
        this.history = Optional.empty();
        this.profiles = id -> AthleteProfile.unknown();
        this.clock = Clock.systemUTC();
        // Nothing is kept, so a zip is read as one upload: the strict limits, not an export's.
        this.importer = new ActivityFileImporter(ActivityFileImporter.MAX_BYTES, BoundedZip.Limits.DEFAULT);
    }

    /** Adds every uploaded run to the runner's history in {@code history}; no profiles. */
    public ActivityFileAnalysis(ImportedRuns history) {
        this(history, id -> AthleteProfile.unknown());
    }

    /**
     * Adds every uploaded run to the runner's history in {@code history} and analyses with it.
     *
     * @param profiles the runner's own profile ({@code /profile}) by account id, so an upload is read with it
     */
    public ActivityFileAnalysis(ImportedRuns history, Function<String, AthleteProfile> profiles) {
        this(history, profiles, Clock.systemUTC());
    }

    /** @param clock paces the progress notices of a long import */
    public ActivityFileAnalysis(ImportedRuns history, Function<String, AthleteProfile> profiles, Clock clock) {
        this.history = Optional.of(history);
        this.profiles = profiles;
        this.clock = clock;
        this.importer = new ActivityFileImporter();
    }

    /** Without the core's coach: the deterministic coach. */
    @Override
    public Optional<CoachAnswer> analyze(Account account, String fileName, byte[] content, Instant askedAt) {
        return analyze(account, fileName, content, askedAt, DETERMINISTIC);
    }

    @Override
    public Optional<CoachAnswer> analyze(Account account, String fileName, byte[] content, Instant askedAt,
                                         TurnCoach coach) {
        return analyze(account, fileName, content, askedAt, coach, text -> { });
    }

    @Override
    public Optional<CoachAnswer> analyze(Account account, String fileName, byte[] content, Instant askedAt,
                                         TurnCoach coach, Consumer<String> progress) {
        Result<CoachAnswer> answer = answer(account, fileName, content, askedAt, coach,
                new ImportProgressNotices(clock, progress));
        return Optional.of(answer.isOk() ? answer.value() : CoachAnswer.text(answer.problem().friendly()));
    }

    /** The deterministic coach's answer, or the import problem with its code (the {@code analyze} command). */
    public Result<CoachAnswer> answer(Account account, String fileName, byte[] content, Instant askedAt) {
        return answer(account, fileName, content, askedAt, DETERMINISTIC, ImportProgress.none());
    }

    private Result<CoachAnswer> answer(Account account, String fileName, byte[] content, Instant askedAt,
                                       TurnCoach coach, ImportProgress progress) {
        Result<List<ImportedFile>> files = importer.importEach(fileName, content, progress);
        if (!files.isOk()) {
            return Result.failed(files.problem());
        }
        // Stored before the answer, so the answer's history already holds the upload's other runs.
        Optional<ImportSummary> imported = history.map(h -> h.add(account.id(), files.value()));
        boolean archive = BoundedZip.isZip(content);
        Result<Activity> run = archive ? ActivityFileImporter.newestRun(files.value())
                : files.value().get(0).activity();
        return run.map(activity -> {
            Optional<ActivitySource> past = history.flatMap(h -> h.resolve(account.id()));
            AthleteProfile profile = profiles.apply(account.id());
            Instant asked = activity.startInstant().map(start -> askedFor(start, askedAt)).orElse(askedAt);
            CoachAnswer answered = coach.answer(new CoachQuestion(account.id(), "Analyze my last run", account.units(),
                    account.effectiveZone(), asked), new UpToThisRun(fileName, activity, past, profile));
            // How the file was read (partial, a multisport leg) comes first: it qualifies every number after it.
            CoachAnswer analysis = FileNotes.of(activity).map(note -> answered.withText("**File:** "
                    + Character.toUpperCase(note.charAt(0)) + note.substring(1) + ".\n" + answered.text()))
                    .orElse(answered);
            return imported.filter(s -> archive)
                    .map(s -> analysis.withText(s.sentence() + "\n\nYour newest run:\n\n" + analysis.text()))
                    .orElse(analysis);
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

    /**
     * The uploaded run as the last run, with the imported runs that started before it as its history. Another copy
     * of the same run (imported earlier in another format) is left out, so the run is not compared with itself.
     */
    private record UpToThisRun(String fileName, Activity activity, Optional<ActivitySource> past,
                               AthleteProfile profile) implements ActivitySource {

        @Override
        public String label() {
            return past.isPresent() ? "imported files" : fileName;
        }

        @Override
        public List<ActivityHeader> list(Instant from, Instant to) {
            Optional<Instant> start = activity.startInstant().filter(t -> !t.isBefore(from) && t.isBefore(to));
            if (start.isEmpty()) {
                return List.of();
            }
            List<ActivityHeader> runs = new ArrayList<>();
            runs.add(activity.header());
            past.ifPresent(p -> p.list(from, start.get()).stream()
                    .filter(h -> h.start().map(s -> Duration.between(s.toInstant(), start.get())
                            .compareTo(ImportedFiles.SAME_RUN) > 0).orElse(false))
                    .forEach(runs::add));
            runs.sort(Comparator.comparing((ActivityHeader h) -> h.start().map(s -> s.toInstant())
                    .orElse(Instant.MIN)).reversed());
            return runs;
        }

        @Override
        public Optional<Activity> load(String activityId) {
            return activity.header().id().equals(activityId) ? Optional.of(activity)
                    : past.flatMap(p -> p.load(activityId));
        }
    }
}
