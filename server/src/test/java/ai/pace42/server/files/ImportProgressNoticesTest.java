package ai.pace42.server.files;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.account.Account;
import ai.pace42.bot.account.AccountService;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.DeterministicCoach;
import ai.pace42.coach.model.AthleteProfile;
import ai.pace42.garmin.files.HostileFiles;
import ai.pace42.garmin.files.TestFiles;
import ai.pace42.bot.testing.TestDatabases;
import ai.pace42.server.garmin.ActivityFileAnalysis;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A long import says how far it has got, a few times at most, then gives its summary. */
class ImportProgressNoticesTest {

    private static final Instant NOW = Instant.parse("2026-11-26T06:00:00Z");

    @TempDir
    Path dir;

    /** A clock that moves one second each time it is read: "one second per file". */
    static final class Ticking extends Clock {
        private Instant now = NOW;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public synchronized Instant instant() {
            now = now.plusSeconds(1);
            return now;
        }
    }

    /** {@code n} small GPX runs, one per day. */
    static byte[] zipOfRuns(int n) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String day = java.time.LocalDate.of(2026, 3, 1).plusDays(i).toString();
            entries.put("runs/run-" + i + ".gpx", TestFiles.gpx(30, true, "running").replace("2026-05-03", day)
                    .getBytes(StandardCharsets.UTF_8));
        }
        return HostileFiles.zip(entries);
    }

    @Test
    void aZipOfFortyFilesSendsAFewProgressNoticesThenTheSummary() {
        Jdbi jdbi = TestDatabases.sqlite(dir);
        Clock fixed = Clock.fixed(NOW, ZoneOffset.UTC);
        Account runner = new AccountService(jdbi, fixed).resolve(PlatformIdentity.of(Platform.TELEGRAM, "7"), "");
        ActivityFileAnalysis upload = new ActivityFileAnalysis(new ImportedRuns(jdbi, fixed),
                id -> AthleteProfile.unknown(), new Ticking());
        List<String> notices = new ArrayList<>();

        Optional<CoachAnswer> answer = upload.analyze(runner, "runs.zip", zipOfRuns(40), NOW,
                (question, runs) -> new DeterministicCoach(id -> Optional.of(runs)).answer(question), notices::add);

        // One second per file, at least 5 s and 10 files (25 %) apart: after files 10, 20 and 30, never the last.
        assertThat(notices).containsExactly(
                "Read 10 of 40 files… (the summary follows when all are read)",
                "Read 20 of 40 files… (the summary follows when all are read)",
                "Read 30 of 40 files… (the summary follows when all are read)");
        assertThat(answer.orElseThrow().text()).startsWith("Imported 40 runs from 2026-03 to 2026-04.");
    }

    @Test
    void aQuickImportSaysNothingUntilItsSummary() {
        List<String> told = new ArrayList<>();
        // Every file within the same second: never 5 s apart.
        ImportProgressNotices quick = new ImportProgressNotices(Clock.fixed(NOW, ZoneOffset.UTC), told::add);
        for (int done = 1; done <= 312; done++) {
            quick.read(done, 312);
        }
        assertThat(told).isEmpty();
    }

    @Test
    void aSlowImportIsStillToldAtMostOncePerQuarter() {
        List<String> told = new ArrayList<>();
        // A minute per file: time alone would allow a notice after every file.
        Clock[] clock = {Clock.fixed(NOW, ZoneOffset.UTC)};
        Clock slow = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                clock[0] = Clock.offset(clock[0], Duration.ofMinutes(1));
                return clock[0].instant();
            }
        };
        ImportProgressNotices notices = new ImportProgressNotices(slow, told::add);
        for (int done = 1; done <= 8; done++) {
            notices.read(done, 8);
        }
        assertThat(told).extracting(t -> t.substring(0, t.indexOf(" files"))).containsExactly("Read 2 of 8",
                "Read 4 of 8", "Read 6 of 8");
    }
}
