package ai.pace42.garmin.files;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.SportType;
import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.Result;
import ai.pace42.garmin.files.ActivityFileImporter.ImportedFile;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Garmin's "export your data" archive as history: the summaries in {@code DI-Connect-Fitness} and the activity
 * files in the part zips are read, everything else is skipped without being inflated, and the limits count only
 * what is read, so a real export (thousands of unrelated files) is accepted and hostile entries are still refused.
 */
public class GarminExportArchiveTest {

    /** The export's own units (real-recordings.md §6.2): cm, ms, ms since the epoch, a bare typeKey. */
    static final String SUMMARIES = """
            [{"summarizedActivitiesExport": [
              {"activityId": 20001, "name": "Lunch Run", "activityType": "running", "sportType": "RUNNING",
               "startTimeGmt": 1777789800000, "startTimeLocal": 1777797000000, "beginTimestamp": 1777789800000,
               "distance": 200000.0, "duration": 60000.0, "movingDuration": 58000.0, "elapsedDuration": 61000.0,
               "avgHr": 151.0, "maxHr": 160.0, "elevationGain": 1200.0},
              {"activityId": 20002, "name": "Treadmill", "activityType": "treadmill_running",
               "startTimeGmt": 1776704700000, "startTimeLocal": 1776711900000,
               "distance": 812345.0, "duration": 2700000.0, "movingDuration": 2690000.0, "avgHr": 142.0},
              {"activityId": 20003, "name": "Ride", "activityType": "road_biking",
               "startTimeGmt": 1776841200000, "distance": 3000000.0, "duration": 3600000.0}
            ]}]
            """;

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The layout of a real export: summaries, a part zip with the uploaded files, and much else. */
    public static byte[] export(int wellnessFiles, Map<String, byte[]> extra) {
        Map<String, byte[]> part = new LinkedHashMap<>();
        part.put("runner@example.com_1001.gpx", utf8(TestFiles.gpx(60, true, "running")));
        Map<String, byte[]> outer = new LinkedHashMap<>();
        outer.put("DI_CONNECT/DI-Connect-Fitness/runner@example.com_0_summarizedActivities.json", utf8(SUMMARIES));
        outer.put("DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip", HostileFiles.zip(part));
        for (int i = 0; i < wellnessFiles; i++) {
            outer.put("DI_CONNECT/DI-Connect-Wellness/2026-0" + (i % 9 + 1) + "-" + i + "_sleepData.json",
                    utf8("[{\"calendarDate\": \"2026-01-01\"}]"));
        }
        outer.putAll(extra);
        return HostileFiles.zip(outer);
    }

    static Activity run(List<ImportedFile> files, String name) {
        return files.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow().activity().value();
    }

    @Test
    void theSummariesBecomeRunsInMetresAndSecondsAfterTheFiles() {
        Result<List<ImportedFile>> r = new ActivityFileImporter().importEach("export.zip", export(3, Map.of()));

        List<String> names = r.value().stream().map(ImportedFile::name).toList();
        String json = "runner@example.com_0_summarizedActivities.json";
        // The uploaded file first, so a run that has both is kept with its samples; the wellness files are skipped.
        assertThat(names).containsExactly("runner@example.com_1001.gpx", json + "#20001", json + "#20002",
                json + "#20003");
        Activity treadmill = run(r.value(), json + "#20002");
        assertThat(treadmill.distanceM().getAsDouble()).isEqualTo(8123.45);
        assertThat(treadmill.movingS().getAsDouble()).isEqualTo(2690.0);
        assertThat(treadmill.summary().averageHeartRate().getAsDouble()).isEqualTo(142.0);
        assertThat(treadmill.sport()).isEqualTo(SportType.TREADMILL);
        assertThat(treadmill.startInstant()).contains(Instant.parse("2026-04-20T17:05:00Z"));
        assertThat(treadmill.start().orElseThrow().getOffset().getTotalSeconds()).isEqualTo(2 * 3600);
        Activity lunch = run(r.value(), json + "#20001");
        assertThat(lunch.startInstant()).as("the same start as the GPX file, so the history keeps one")
                .isEqualTo(run(r.value(), "runner@example.com_1001.gpx").startInstant());
        ImportedFile ride = r.value().get(3);
        assertThat(ride.activity().problem().code()).isEqualTo(GarminProblemCode.GARMIN_NOT_A_RUN);
        // A summary is recognised on a second import by its Garmin id, not by the bytes of the whole JSON.
        assertThat(r.value().get(1).sha256()).isEqualTo(java.util.HexFormat.of()
                .formatHex(sha256(utf8("garmin-export-activity:20001"))));
    }

    @Test
    void unrelatedEntriesDoNotCountAgainstTheLimits() {
        // Ten read entries allowed; the export holds 300 wellness files beside its 3 read entries.
        BoundedZip.Limits ten = new BoundedZip.Limits(10, 1_000_000, 5_000_000, 100, 100_000);
        ActivityFileImporter importer = new ActivityFileImporter(ActivityFileImporter.MAX_BYTES, ten);

        Result<List<ImportedFile>> r = importer.importEach("export.zip", export(300, Map.of()));

        assertThat(r.isOk()).as(() -> r.problem().detail()).isTrue();
        assertThat(r.value()).hasSize(4);
        // The same limit still refuses eleven files that are read.
        Map<String, byte[]> gpxs = new LinkedHashMap<>();
        for (int i = 0; i < 11; i++) {
            gpxs.put("DI_CONNECT/DI-Connect-Uploaded-Files/" + i + ".gpx", utf8(TestFiles.gpx(5, false, "running")));
        }
        Result<List<ImportedFile>> over = importer.importEach("big.zip", HostileFiles.zip(gpxs));
        assertThat(over.problem().code()).isEqualTo(GarminProblemCode.FILE_ARCHIVE_REFUSED);
        assertThat(over.problem().detail()).contains("more than 10 entries");
    }

    @Test
    void aBombAmongTheSkippedEntriesIsNeverInflatedButOneThatIsReadIsRefused() {
        byte[] zeros = new byte[50 * 1024 * 1024];
        BoundedZip.Limits small = new BoundedZip.Limits(100, 1_000_000, 2_000_000, 100, 100_000);
        ActivityFileImporter importer = new ActivityFileImporter(ActivityFileImporter.MAX_BYTES, small);

        Result<List<ImportedFile>> skipped = importer.importEach("export.zip",
                export(1, Map.of("DI_CONNECT/DI-Connect-Wellness/UDSFile_2026.json", zeros)));
        Result<List<ImportedFile>> read = importer.importEach("export.zip",
                export(1, Map.of("DI_CONNECT/DI-Connect-Uploaded-Files/huge.fit", zeros)));

        assertThat(skipped.isOk()).as(() -> skipped.problem().detail()).isTrue();
        assertThat(read.problem().code()).isEqualTo(GarminProblemCode.FILE_ARCHIVE_REFUSED);
    }

    @Test
    void progressHearsEachFileAndHowManyAreKnown() {
        List<int[]> heard = new ArrayList<>();
        new ActivityFileImporter().importEach("export.zip", export(5, Map.of()),
                (done, known) -> heard.add(new int[] {done, known}));

        // The summary JSON is found first (1 file), then the part zip's GPX (2 in all).
        assertThat(heard).extracting(p -> p[0] + "/" + p[1]).containsExactly("1/1", "2/2");
    }

    @Test
    void anExportWhoseSummaryIsNotJsonLosesNothingElse() {
        Map<String, byte[]> outer = new LinkedHashMap<>();
        outer.put("DI_CONNECT/DI-Connect-Fitness/x_0_summarizedActivities.json", utf8("{not json"));
        outer.put("DI_CONNECT/DI-Connect-Uploaded-Files/a.gpx", utf8(TestFiles.gpx(60, true, "running")));

        Result<List<ImportedFile>> r = new ActivityFileImporter().importEach("export.zip", HostileFiles.zip(outer));

        assertThat(r.value()).extracting(ImportedFile::name).containsExactly("a.gpx");
    }

    private static byte[] sha256(byte[] b) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(b);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
