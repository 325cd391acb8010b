package ai.pace42.server.garmin;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.coach.chart.ChartStyle;
import ai.pace42.garmin.files.ActivityFileImporter;
import ai.pace42.garmin.files.HostileFiles;
import ai.pace42.garmin.files.TestFiles;
import ai.pace42.server.Pace42Application;
import ai.pace42.server.Pace42Configuration;
import com.garmin.fit.Sport;
import com.garmin.fit.SubSport;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar pace42.jar analyze <file> [--units mi]}, run in-process through Dropwizard's Cli. */
class AnalyzeCommandTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-26T06:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    /** Runs the command line as {@code java -jar} would; true when it succeeded (exit status 0). */
    private boolean run(String... args) {
        Bootstrap<Pace42Configuration> bootstrap = new Bootstrap<>(new Pace42Application());
        bootstrap.addCommand(new AnalyzeCommand(new PrintStream(stdout, true, StandardCharsets.UTF_8), NOW));
        Cli cli = new Cli(new JarLocation(AnalyzeCommandTest.class), bootstrap, stdout, stderr);
        Optional<Throwable> failure = cli.run(args);
        return failure.isEmpty();
    }

    private String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static byte[] fitRun() {
        // 2,700 s at about 3 m/s with a 60 s pause: 8.1 km at 5:33 /km (8:56 /mi).
        return TestFiles.fit(2700, true, true, 1300, 60, Sport.RUNNING, SubSport.STREET);
    }

    private static BufferedImage png(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n');
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).as("decodes as an image").isNotNull();
        return image;
    }

    @Test
    void aFitFileIsAnsweredInKilometresByDefaultWithItsChartBesideIt() throws IOException {
        Path fit = write("morning.fit", fitRun());

        assertThat(run("analyze", fit.toString())).as(err()).isTrue();

        // The concise reply, as in chat; the breakdown is one flag away.
        assertThat(out()).contains("8.1 km in 45:00", "5:33 /km", "Add --details for splits")
                .doesNotContain("**", " /mi", "Splits per km", "Reply \"details\"");
        Path chart = dir.resolve("morning.fit.pace42.png");
        assertThat(out()).contains(chart.toString());
        BufferedImage image = png(chart);
        assertThat(image.getWidth()).isEqualTo(ChartStyle.WIDTH);
        assertThat(image.getHeight()).isEqualTo(ChartStyle.HEIGHT);
        assertThat(err()).isEmpty();
    }

    @Test
    void detailsPrintTheFullBreakdown() throws IOException {
        Path fit = write("morning.fit", fitRun());

        assertThat(run("analyze", fit.toString(), "--details")).as(err()).isTrue();

        assertThat(out()).contains("Coach observations", "8.1 km in 45:00", "5:33 /km", "Splits per km", "Full description")
                .doesNotContain("**", "--details");
    }

    @Test
    void milesOnRequest() throws IOException {
        Path fit = write("morning.fit", fitRun());

        assertThat(run("analyze", fit.toString(), "--units", "mi", "--details")).as(err()).isTrue();

        assertThat(out()).contains("5.0 mi in 45:00", "8:56 /mi", "Splits per mi").doesNotContain(" /km");
        assertThat(dir.resolve("morning.fit.pace42.png")).isRegularFile();
    }

    @Test
    void aGpxFileIsAnalysed() throws IOException {
        // 1,800 points one second apart, 3 m each: 5.4 km at 5:33 /km.
        Path gpx = write("lunch.gpx", TestFiles.gpx(1800, true, "running").getBytes(StandardCharsets.UTF_8));

        assertThat(run("analyze", gpx.toString(), "--units", "km", "--details")).as(err()).isTrue();

        assertThat(out()).contains("5.4 km", "/km", "Heart rate averaged");
        assertThat(png(dir.resolve("lunch.gpx.pace42.png")).getWidth()).isEqualTo(ChartStyle.WIDTH);
    }

    @Test
    void aTreadmillTcxWithoutGpsIsAnalysedInMiles() throws IOException {
        // 1,200 points, 3 m a second: 3.6 km = 2.2 mi.
        Path tcx = write("treadmill.TCX", TestFiles.tcx(1200, false, true).getBytes(StandardCharsets.UTF_8));

        assertThat(run("analyze", tcx.toString(), "--units", "mi")).as(err()).isTrue();

        assertThat(out()).contains("2.2 mi", "/mi").doesNotContain(" /km");
        assertThat(png(dir.resolve("treadmill.TCX.pace42.png")).getHeight()).isEqualTo(ChartStyle.HEIGHT);
    }

    @Test
    void runningItAgainReplacesItsOwnChart() throws IOException {
        Path fit = write("again.fit", fitRun());
        assertThat(run("analyze", fit.toString())).isTrue();
        Path chart = dir.resolve("again.fit.pace42.png");
        Files.write(chart, Arrays.copyOf(Files.readAllBytes(chart), 200)); // an older, different chart of ours

        assertThat(run("analyze", fit.toString())).as(err()).isTrue();

        assertThat(png(chart).getWidth()).isEqualTo(ChartStyle.WIDTH);
    }

    @Test
    void anUnrelatedFileWhereTheChartWouldGoIsLeftAlone() throws IOException {
        Path fit = write("mine.fit", fitRun());
        byte[] holiday = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 1, 2, 3};
        Path taken = write("mine.fit.pace42.png", holiday);

        assertThat(run("analyze", fit.toString())).isFalse();

        assertThat(Files.readAllBytes(taken)).isEqualTo(holiday);
        assertThat(out()).as("the answer is still printed").contains("8.1 km");
        assertOneFriendlyLine("CHART_PATH_TAKEN", taken.toString());
    }

    @Test
    void aMissingFile() {
        assertThat(run("analyze", dir.resolve("nope.fit").toString())).isFalse();
        assertOneFriendlyLine("FILE_NOT_FOUND", "nope.fit");
        assertThat(out()).isEmpty();
    }

    @Test
    void aDirectory() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("runs.fit"));

        assertThat(run("analyze", folder.toString())).isFalse();

        assertOneFriendlyLine("FILE_IS_A_DIRECTORY", "runs.fit");
    }

    @Test
    void anUnsupportedExtensionIsRefusedBeforeReading() throws IOException {
        Path photo = write("run.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2});

        assertThat(run("analyze", photo.toString())).isFalse();

        assertOneFriendlyLine("FILE_UNSUPPORTED", "run.jpg");
        assertThat(dir.resolve("run.jpg.pace42.png")).doesNotExist();
    }

    @Test
    void aTruncatedFitFileIsReadUpToWhereItStopsAndSaysHowMuch() throws IOException {
        byte[] good = fitRun();
        Path cut = write("cut.fit", Arrays.copyOf(good, good.length / 2));

        assertThat(run("analyze", cut.toString())).as(err()).isTrue();

        assertThat(out()).startsWith("File: Partial file: read ").contains(" of " + String.format(java.util.Locale.ROOT,
                "%,d", good.length / 2) + " bytes (", "the rest is damaged or missing.");
    }

    @Test
    void aCorruptFitFile() throws IOException {
        // Damaged before its first message: nothing to salvage.
        byte[] good = fitRun();
        Path broken = write("broken.fit", Arrays.copyOf(good, 16));

        assertThat(run("analyze", broken.toString())).isFalse();

        assertOneFriendlyLine("FILE_UNREADABLE", "broken.fit");
        assertThat(dir.resolve("broken.fit.pace42.png")).doesNotExist();
    }

    @Test
    void aFileOver25MbIsRefusedWithoutReadingIt() throws IOException {
        Path big = dir.resolve("huge.gpx");
        try (RandomAccessFile sparse = new RandomAccessFile(big.toFile(), "rw")) {
            sparse.setLength(ActivityFileImporter.MAX_BYTES + 1);
        }

        assertThat(run("analyze", big.toString())).isFalse();

        assertOneFriendlyLine("FILE_TOO_LARGE", "25 MB");
    }

    @Test
    void aRideIsNotAnalysedAsARun() throws IOException {
        Path ride = write("ride.fit", TestFiles.fit(600, true, true, -1, 0, Sport.CYCLING, SubSport.ROAD));

        assertThat(run("analyze", ride.toString())).isFalse();

        assertOneFriendlyLine("GARMIN_NOT_A_RUN", "isn't a run");
    }

    @Test
    void unknownUnitsAreAUsageError() throws IOException {
        Path fit = write("u.fit", fitRun());

        assertThat(run("analyze", fit.toString(), "--units", "furlongs")).isFalse();

        assertThat(err()).contains("furlongs").doesNotContain("Exception", "\tat ");
        assertThat(dir.resolve("u.fit.pace42.png")).doesNotExist();
    }

    @Test
    void hostileXmlIsRefusedAsUnreadableWithoutReachingOutOrReadingFiles() throws IOException {
        try (HostileUploads hostile = new HostileUploads(dir)) {
            for (Map.Entry<String, byte[]> file : hostile.xml().entrySet()) {
                stdout.reset();
                stderr.reset();
                Path path = write(file.getKey(), file.getValue());

                assertThat(run("analyze", path.toString())).as(file.getKey()).isFalse();

                assertOneFriendlyLine("FILE_UNREADABLE", file.getKey());
                assertThat(out() + err()).doesNotContain(hostile.secretText);
                assertThat(hostile.listener.requests()).as(file.getKey()).isEmpty();
            }
        }
    }

    @Test
    void zipBombsAndZipsOfTooManyFilesAreRefused() throws IOException {
        for (Map.Entry<String, byte[]> zip : HostileUploads.zips().entrySet()) {
            stderr.reset();
            assertThat(run("analyze", write(zip.getKey(), zip.getValue()).toString())).isFalse();
            assertOneFriendlyLine("FILE_ARCHIVE_REFUSED", "200 files");
        }
    }

    @Test
    void aZipHoldingOneRunIsAnalysedAsThatRun() throws IOException {
        byte[] zip = HostileFiles.zip(Map.of("lunch.gpx",
                TestFiles.gpx(1800, true, "running").getBytes(StandardCharsets.UTF_8)));
        Path file = write("export.zip", zip);

        assertThat(run("analyze", file.toString(), "--details")).as(err()).isTrue();

        assertThat(out()).contains("5.4 km", "Heart rate averaged");
        assertThat(dir.resolve("export.zip.pace42.png")).isRegularFile();
    }

    @Test
    void theServerRegistersTheCommand() {
        Bootstrap<Pace42Configuration> bootstrap = new Bootstrap<>(new Pace42Application());
        new Pace42Application().initialize(bootstrap);

        assertThat(bootstrap.getCommands()).extracting(Command::getName).contains("analyze");
    }

    private void assertOneFriendlyLine(String code, String mentions) {
        String err = err();
        assertThat(err.strip().lines()).as(err).hasSize(1);
        assertThat(err).contains(code, mentions).doesNotContain("Exception", "\tat ", "usage:");
    }
}
