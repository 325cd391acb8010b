package ai.pace42.server.garmin;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.account.Account;
import ai.pace42.bot.account.AccountService;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.testing.TestDatabases;
import ai.pace42.coach.CoachAnswer;
import ai.pace42.garmin.corpus.RealRecording;
import ai.pace42.server.Pace42Application;
import ai.pace42.server.Pace42Configuration;
import ai.pace42.server.files.ImportedRuns;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real recording of the corpus gets the concise first reply (at most 700 characters, markup included) both
 * through {@code java -jar pace42.jar analyze <file>} and as a chat upload that joins the runner's history; a run's
 * reply ends by offering its details, and the details are the full breakdown.
 */
class CorpusConciseAnswersTest {

    private static final int MAX_CHARS = 700;
    private static final Instant NOW = Instant.parse("2026-11-26T06:00:00Z");

    @TempDir
    Path dir;

    static List<RealRecording> recordings() {
        return RealRecording.uploads();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void theAnalyzeCommandPrintsTheConciseReply(RealRecording r) throws IOException {
        Path file = Files.write(dir.resolve(r.uploadName()), r.bytes());
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Bootstrap<Pace42Configuration> bootstrap = new Bootstrap<>(new Pace42Application());
        bootstrap.addCommand(new AnalyzeCommand(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                Clock.fixed(NOW, ZoneOffset.UTC)));
        Cli cli = new Cli(new JarLocation(CorpusConciseAnswersTest.class), bootstrap, stdout, stderr);

        boolean ok = cli.run("analyze", file.toString()).isEmpty();

        String out = stdout.toString(StandardCharsets.UTF_8);
        if (!ok) {
            // Refused files (rides, unreadable) get one line with a code, no stack trace.
            assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("(").doesNotContain("\tat ");
            return;
        }
        String answer = out.contains("\nChart: ") ? out.substring(0, out.indexOf("\nChart: ")).strip() : out.strip();
        assertThat(answer.length()).as(answer).isLessThanOrEqualTo(MAX_CHARS);
        assertThat(out).contains("Chart: ");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void aChatUploadGetsTheConciseReplyWithItsDetails(RealRecording r) {
        Jdbi jdbi = TestDatabases.sqlite(dir);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        Account runner = new AccountService(jdbi, clock).resolve(PlatformIdentity.of(Platform.TELEGRAM, "42"), "");
        ActivityFileAnalysis upload = new ActivityFileAnalysis(new ImportedRuns(jdbi, clock));

        Optional<CoachAnswer> answer = upload.analyze(runner, r.uploadName(), r.bytes(), NOW);

        CoachAnswer a = answer.orElseThrow();
        assertThat(a.text().length()).as(a.text()).isLessThanOrEqualTo(MAX_CHARS);
        a.details().ifPresent(full -> {
            assertThat(a.text()).contains("Reply \"details\"").contains("**Next:**");
            assertThat(full).contains("**Full description**").hasSizeGreaterThan(a.text().length());
        });
    }
}
