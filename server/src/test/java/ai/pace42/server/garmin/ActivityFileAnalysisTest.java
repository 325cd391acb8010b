package ai.pace42.server.garmin;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.account.Account;
import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.UnitSystem;
import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.files.HostileFiles;
import ai.pace42.garmin.files.TestFiles;
import com.garmin.fit.Sport;
import com.garmin.fit.SubSport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files sent in chat go through the Garmin client's importer and the same coach as Garmin runs. */
class ActivityFileAnalysisTest {

    private static final Account RUNNER = new Account("acc_file", Instant.EPOCH, UnitSystem.METRIC,
            Optional.of(ZoneId.of("Europe/Berlin")), "Ana");

    private final ActivityFileAnalysis analysis = new ActivityFileAnalysis();

    @Test
    void aGpxRunIsAnalysedWithAChart() {
        byte[] gpx = TestFiles.gpx(1800, true, "running").getBytes(StandardCharsets.UTF_8);

        CoachAnswer answer = analysis.analyze(RUNNER, "morning.gpx", gpx, Instant.now()).orElseThrow();

        assertThat(answer.text()).contains("km", "**Next:**").hasSizeLessThanOrEqualTo(700);
        assertThat(answer.details()).get().asString().contains("**Coach observations**", "km");
        assertThat(answer.charts()).hasSize(1);
        assertThat(answer.charts().get(0).png()).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void aTruncatedFitFileIsAnalysedAsFarAsItGoesAndTheReplySaysHowMuchWasRead() {
        byte[] run = TestFiles.fit(1200, true, true, -1, 0, Sport.RUNNING, SubSport.STREET);
        byte[] truncated = Arrays.copyOf(run, run.length / 2);

        CoachAnswer answer = analysis.analyze(RUNNER, "cut.fit", truncated, Instant.now()).orElseThrow();

        assertThat(answer.text()).startsWith("**File:** Partial file: read ")
                .contains(" of " + String.format(java.util.Locale.ROOT, "%,d", truncated.length) + " bytes (")
                .hasSizeLessThanOrEqualTo(700);
        assertThat(answer.charts()).hasSize(1);
    }

    @Test
    void aFitFileDamagedBeforeItsFirstMessageGetsTheUnreadableExplanationAndNoChart() {
        byte[] run = TestFiles.fit(600, true, true, -1, 0, Sport.RUNNING, SubSport.STREET);
        byte[] truncated = Arrays.copyOf(run, 16);

        CoachAnswer answer = analysis.analyze(RUNNER, "broken.fit", truncated, Instant.now()).orElseThrow();

        assertThat(answer.text()).isEqualTo("I couldn't read that activity file; it may be damaged or incomplete.");
        assertThat(answer.charts()).isEmpty();
        assertThat(analysis.answer(RUNNER, "broken.fit", truncated, Instant.now()).problem().code())
                .isEqualTo(GarminProblemCode.FILE_UNREADABLE);
    }

    @Test
    void bytesThatAreNoActivityFileSayWhichFormatsWork() {
        CoachAnswer answer = analysis.analyze(RUNNER, "broken.fit", new byte[] {1, 2, 3}, Instant.now()).orElseThrow();

        assertThat(answer.text()).isEqualTo("I can read FIT, GPX and TCX activity files (also in a zip); that one isn't any of them.");
        assertThat(answer.charts()).isEmpty();
    }

    @Test
    void hostileXmlSentInChatGetsTheUnreadableAnswerAndReachesNothing(@TempDir Path dir) {
        try (HostileUploads hostile = new HostileUploads(dir)) {
            hostile.xml().forEach((name, content) -> {
                CoachAnswer answer = analysis.analyze(RUNNER, name, content, Instant.now()).orElseThrow();

                assertThat(answer.text()).as(name).isEqualTo(GarminProblemCode.FILE_UNREADABLE.friendly());
                assertThat(answer.charts()).isEmpty();
            });
            assertThat(hostile.listener.requests()).isEmpty();
        }
    }

    @Test
    void hostileZipsSentInChatAreRefusedWithTheirLimits() {
        HostileUploads.zips().forEach((name, content) -> assertThat(
                analysis.analyze(RUNNER, name, content, Instant.now()).orElseThrow().text())
                .as(name).isEqualTo(GarminProblemCode.FILE_ARCHIVE_REFUSED.friendly()));
    }

    @Test
    void aZipOfRunsIsAnsweredWithTheNewest() {
        byte[] zip = HostileFiles.zip(Map.of(
                "old.tcx", TestFiles.tcx(600, true, true).getBytes(StandardCharsets.UTF_8),
                "new.gpx", TestFiles.gpx(1800, true, "running").replace("2026-05-03", "2026-05-10")
                        .getBytes(StandardCharsets.UTF_8)));

        CoachAnswer answer = analysis.analyze(RUNNER, "runs.zip", zip, Instant.now()).orElseThrow();

        assertThat(answer.text()).contains("5.4 km");
        assertThat(answer.charts()).hasSize(1);
    }

    @Test
    void aRideIsNotTreatedAsARun() {
        byte[] ride = TestFiles.gpx(600, false, "cycling").getBytes(StandardCharsets.UTF_8);

        CoachAnswer answer = analysis.analyze(RUNNER, "ride.gpx", ride, Instant.now()).orElseThrow();

        assertThat(answer.text()).isEqualTo("That activity isn't a run, so I can't analyse it as one.");
        assertThat(answer.charts()).isEmpty();
        assertThat(analysis.answer(RUNNER, "ride.gpx", ride, Instant.now()).problem().code())
                .isEqualTo(GarminProblemCode.GARMIN_NOT_A_RUN);
    }
}
