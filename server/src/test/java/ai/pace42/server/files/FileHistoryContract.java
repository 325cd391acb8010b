package ai.pace42.server.files;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.account.Account;
import ai.pace42.bot.account.AccountService;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.data.AccountDataSources;
import ai.pace42.bot.data.LinkedSource;
import ai.pace42.coach.CoachQuestion;
import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.model.AthleteProfile;
import ai.pace42.coach.DeterministicCoach;
import ai.pace42.coach.model.ActivityHeader;
import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.MutableClock;
import ai.pace42.garmin.files.HostileFiles;
import ai.pace42.garmin.files.TestFiles;
import ai.pace42.server.garmin.ActivityFileAnalysis;
import com.garmin.fit.Sport;
import com.garmin.fit.SubSport;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Uploaded files join the runner's history: counted once, whole zips and Garmin exports imported within the zip
 * limits, read by the coach without Garmin, and never visible to another account. The same on every database.
 */
abstract class FileHistoryContract {

    /** Three weeks after the test runs, so all of them are inside the coach's history window. */
    private static final Instant ASKED = Instant.parse("2026-05-24T08:00:00Z");

    protected abstract Jdbi database();

    private Jdbi jdbi;
    private ImportedRuns store;
    private ActivityFileAnalysis analysis;
    private AccountDataSources sources;
    private Account ada;
    private Account bea;

    @BeforeEach
    void setUp() {
        jdbi = database();
        MutableClock clock = new MutableClock(ASKED);
        AccountService accounts = new AccountService(jdbi, clock);
        ada = accounts.resolve(PlatformIdentity.of(Platform.TELEGRAM, "1"), "Ada");
        bea = accounts.resolve(PlatformIdentity.of(Platform.TELEGRAM, "2"), "Bea");
        store = new ImportedRuns(jdbi, clock);
        analysis = new ActivityFileAnalysis(store);
        sources = new AccountDataSources(jdbi, accounts, clock, LinkedSource.none());
        sources.readImportedFiles(store);
    }

    /** The generated 30-minute GPX run, moved to another day (2026-05-03 in the file). */
    private static byte[] gpxOn(String day) {
        return TestFiles.gpx(1800, true, "running").replace("2026-05-03", day).getBytes(StandardCharsets.UTF_8);
    }

    private String upload(Account account, String name, byte[] content) {
        return analysis.analyze(account, name, content, ASKED).orElseThrow().text();
    }

    @Test
    void theConfiguredCoachAnswersUploadsOnTheUploadedRun() {
        List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        ai.pace42.bot.conversation.TurnCoach configured = (question, runs) -> {
            asked.add(question.text());
            runs.list(question.askedAt().minus(java.time.Duration.ofDays(30)), question.askedAt())
                    .forEach(h -> seen.add(h.id()));
            return ai.pace42.coach.CoachAnswer.text("the configured coach");
        };

        String answer = analysis.analyze(ada, "run.gpx", gpxOn("2026-05-20"), ASKED, configured).orElseThrow()
                .text();

        assertThat(answer).isEqualTo("the configured coach");
        assertThat(asked).containsExactly("Analyze my last run");
        assertThat(seen).hasSize(1);
    }

    @Test
    void theSameFileUploadedTwiceCountsOnce() {
        byte[] run = gpxOn("2026-05-10");

        upload(ada, "run.gpx", run);
        String second = upload(ada, "run again.gpx", run);

        assertThat(store.count(ada.id())).isEqualTo(1);
        assertThat(second).contains("**Next:**");
    }

    @Test
    void aFitAndAGpxOfTheSameRunCountOnce() {
        byte[] fit = TestFiles.fit(1800, true, true, -1, 0, Sport.RUNNING, SubSport.GENERIC);
        byte[] gpx = gpxOn("2026-05-03"); // the same start as the FIT file, 2026-05-03T06:30:00Z

        upload(ada, "run.fit", fit);
        upload(ada, "run.gpx", gpx);

        assertThat(store.count(ada.id())).isEqualTo(1);
    }

    @Test
    void aGarminExportKeepsEachRunOnceFromItsFileOrItsSummary() {
        byte[] export = ai.pace42.garmin.files.GarminExportArchiveTest.export(20, Map.of());

        String first = upload(ada, "export.zip", export);
        String again = upload(ada, "export.zip", export);

        // The GPX and the summary of the same run (same start) are one run, the treadmill run comes from its
        // summary, the ride is skipped; a second import recognises all of them.
        assertThat(first).startsWith("Imported 2 runs from 2026-04 to 2026-05; skipped 1 non-run, 1 duplicate.");
        assertThat(again).startsWith("Imported 0 runs; skipped 1 non-run, 3 duplicates.");
        assertThat(store.count(ada.id())).isEqualTo(2);
    }

    @Test
    void aZipOfRunsImportsEveryRunAndSaysWhatItSkipped() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("a.gpx", gpxOn("2026-04-26"));
        entries.put("b.gpx", gpxOn("2026-05-03"));
        entries.put("c.gpx", gpxOn("2026-05-10"));
        entries.put("d.gpx", gpxOn("2026-05-17"));
        entries.put("copy of c.gpx", gpxOn("2026-05-10"));
        entries.put("ride.gpx", TestFiles.gpx(600, false, "cycling").getBytes(StandardCharsets.UTF_8));
        entries.put("broken.tcx", "<TrainingCenterDatabase><Activities>".getBytes(StandardCharsets.UTF_8));
        entries.put("notes.txt", "not an activity".getBytes(StandardCharsets.UTF_8));

        String answer = upload(ada, "runs.zip", HostileFiles.zip(entries));

        assertThat(answer).startsWith(
                "Imported 4 runs from 2026-04 to 2026-05; skipped 1 non-run, 1 duplicate, 1 unreadable.");
        assertThat(store.count(ada.id())).isEqualTo(4);
        assertThat(sources.statusLines(ada)).contains("- **Files:** 4 runs imported (from 2026-04 to 2026-05)");
    }

    @Test
    void aGarminExportImportsTheFilesInItsPartZips() {
        Map<String, byte[]> part1 = new LinkedHashMap<>();
        part1.put("ada_1001.gpx", gpxOn("2026-05-03"));
        part1.put("ada_1002.gpx", gpxOn("2026-05-10"));
        part1.put("ada_1003.gpx", TestFiles.gpx(600, false, "cycling").getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> part2 = Map.of("ada_1004.tcx",
                TestFiles.tcx(1200, true, true).replace("2026-05-03", "2026-05-17").getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> export = new LinkedHashMap<>();
        export.put("DI_CONNECT/DI-Connect-Fitness/ada_0_summarizedActivities.json",
                "[{\"summarizedActivitiesExport\":[]}]".getBytes(StandardCharsets.UTF_8));
        export.put("DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip", HostileFiles.zip(part1));
        export.put("DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part2.zip", HostileFiles.zip(part2));

        String answer = upload(ada, "export.zip", HostileFiles.zip(export));

        assertThat(answer).startsWith("Imported 3 runs from 2026-05; skipped 1 non-run.");
        assertThat(store.count(ada.id())).isEqualTo(3);
    }

    @Test
    void aZipOverTheLimitsImportsNothing() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("a.gpx", gpxOn("2026-05-03"));
        entries.put("b.gpx", gpxOn("2026-05-10"));
        // An activity file is read (other names are skipped unread): 20 MB of zeros, far past 100:1.
        entries.put("c.fit", new byte[20 * 1024 * 1024]);

        String answer = upload(ada, "bomb.zip", HostileFiles.zip(entries));

        assertThat(answer).isEqualTo(GarminProblemCode.FILE_ARCHIVE_REFUSED.friendly());
        assertThat(store.count(ada.id())).isZero();
        assertThat(sources.resolve(ada.id())).isEmpty();
    }

    @Test
    void theFitnessQuestionReadsTheImportedRunsWithoutGarmin() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        // Ten weekly runs: enough history (8+ runs over 4+ weeks) for the coach to estimate the thresholds that load
        // needs; one run alone is not.
        for (String day : List.of("2026-03-15", "2026-03-22", "2026-03-29", "2026-04-05", "2026-04-12", "2026-04-19",
                "2026-04-26", "2026-05-03", "2026-05-10", "2026-05-17")) {
            entries.put(day + ".gpx", gpxOn(day));
        }
        upload(ada, "runs.zip", HostileFiles.zip(entries));
        upload(bea, "one.gpx", gpxOn("2026-05-17"));

        DeterministicCoach coach = new DeterministicCoach(sources);
        String adas = coach.answer(fitnessQuestion(ada)).text();
        String beas = coach.answer(fitnessQuestion(bea)).text();

        // Ten weekly runs build more fitness than the last of them alone: the coach read them all.
        // One run is too little history for thresholds, so it may give no fitness number at all.
        assertThat(fitness(adas)).isPositive().isGreaterThan(fitnessOrZero(beas));
        assertThat(sources.statusLines(ada)).contains("- **Data:** your imported files (/link to add Garmin)");
    }

    private static CoachQuestion fitnessQuestion(Account account) {
        return new CoachQuestion(account.id(), "How is my fitness?", account.units(), account.effectiveZone(), ASKED);
    }

    private static final Pattern FITNESS = Pattern.compile("Fitness (\\d+)[ ,]");

    private static int fitness(String answer) {
        Matcher m = FITNESS.matcher(answer);
        assertThat(m.find()).as(answer).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static int fitnessOrZero(String answer) {
        Matcher m = FITNESS.matcher(answer);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    @Test
    void importedRunsOlderThanTheCoachsWindowAreStillAnsweredWhenTheyAreTheNewest() {
        // 2025-09-07 is 259 days before the question: outside the coach's 180-day window.
        upload(ada, "old.gpx", gpxOn("2025-09-07"));

        String answer = new DeterministicCoach(sources).answer(new CoachQuestion(ada.id(), "Analyze my last run",
                ada.units(), ada.effectiveZone(), ASKED)).text();

        assertThat(answer).startsWith("Your most recent run is from Sun 7 Sep 2025, more than 180 days ago")
                .contains("Sun 7 Sep 2025 (").doesNotContain("could not find any runs");
    }

    @Test
    void aSingleUploadIsAnalysedWithTheRunsBeforeIt() {
        Map<String, byte[]> earlier = new LinkedHashMap<>();
        for (String day : List.of("2026-04-26", "2026-05-03", "2026-05-10")) {
            earlier.put(day + ".gpx", gpxOn(day));
        }
        upload(ada, "earlier.zip", HostileFiles.zip(earlier));

        // The comparison is in the full breakdown (the reply's details).
        CoachAnswer aloneAnswer = new ActivityFileAnalysis().analyze(ada, "new.gpx", gpxOn("2026-05-17"), ASKED)
                .orElseThrow();
        String alone = aloneAnswer.details().orElse(aloneAnswer.text());
        CoachAnswer withHistoryAnswer = analysis.analyze(ada, "new.gpx", gpxOn("2026-05-17"), ASKED).orElseThrow();
        String withHistory = withHistoryAnswer.details().orElse(withHistoryAnswer.text());

        // The runner's usual cadence comes from the earlier runs; a file alone has nothing to compare with.
        assertThat(withHistory).contains("(your usual at a similar pace: 172 spm)");
        assertThat(alone).doesNotContain("your usual");
    }

    @Test
    void oneAccountsImportedRunsAreInvisibleToAnother() {
        upload(ada, "run.gpx", gpxOn("2026-05-10"));
        upload(bea, "run.gpx", gpxOn("2026-05-10")); // the same file: Bea's own copy, not a duplicate of Ada's

        assertThat(store.count(bea.id())).isEqualTo(1);
        upload(ada, "second.gpx", gpxOn("2026-05-17"));

        List<ActivityHeader> beas = sources.resolve(bea.id()).orElseThrow()
                .list(Instant.parse("2026-01-01T00:00:00Z"), ASKED);
        assertThat(beas).hasSize(1);
        assertThat(store.describe(bea.id())).hasValue("1 run imported (from 2026-05 to 2026-05)");
        assertThat(store.describe(ada.id())).hasValue("2 runs imported (from 2026-05 to 2026-05)");
    }

    @Test
    void deletingAnAccountDeletesItsImportedRuns() {
        upload(ada, "run.gpx", gpxOn("2026-05-10"));
        upload(bea, "run.gpx", gpxOn("2026-05-10"));

        jdbi.useHandle(h -> h.createUpdate("DELETE FROM accounts WHERE id = :id").bind("id", ada.id()).execute());

        assertThat(store.count(ada.id())).isZero();
        assertThat(store.count(bea.id())).isEqualTo(1);
        int rows = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM imported_runs").mapTo(Integer.class).one());
        assertThat(rows).isEqualTo(1);
    }
}
