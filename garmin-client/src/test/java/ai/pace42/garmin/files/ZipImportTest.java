package ai.pace42.garmin.files;

import ai.pace42.coach.model.Activity;
import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.Result;
import com.garmin.fit.Sport;
import com.garmin.fit.SubSport;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Uploads that are ZIPs: what is read from them, and the limits that stop hostile ones. */
class ZipImportTest {

    private final ActivityFileImporter importer = new ActivityFileImporter();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private Result<Activity> importZip(Map<String, byte[]> entries) {
        return importer.importBytes("upload.zip", HostileFiles.zip(entries));
    }

    @Test
    void aGarminOriginalDownloadIsReadAsTheFitInside() {
        byte[] fit = TestFiles.fit(600, true, true, -1, 0, Sport.RUNNING, SubSport.STREET);
        Activity direct = importer.importBytes("x.fit", fit).value();

        Activity zipped = importZip(Map.of("12129115726_ACTIVITY.fit", fit)).value();

        assertThat(zipped.samples().size()).isEqualTo(600);
        assertThat(zipped.id()).isEqualTo(direct.id());
        assertThat(zipped.name()).isEqualTo("12129115726_ACTIVITY.fit");
    }

    @Test
    void severalActivitiesGiveTheNewestRun() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("readme.txt", utf8("my runs"));
        entries.put("new/ride.gpx", utf8(TestFiles.gpx(20, false, "cycling").replace("2026-05-03", "2026-05-09")));
        entries.put("old/run.tcx", utf8(TestFiles.tcx(50, true, true)));
        entries.put("new/run.gpx", utf8(TestFiles.gpx(40, true, "running").replace("2026-05-03", "2026-05-07")));

        Activity a = importZip(entries).value();

        assertThat(a.samples().size()).isEqualTo(40);
        assertThat(a.startInstant()).contains(TestFiles.START.plusSeconds(4 * 86_400));
    }

    @Test
    void aZipWithoutAnyRunSaysWhatItHolds() {
        assertThat(importZip(Map.of("notes.txt", utf8("hello"))).problem().code())
                .isEqualTo(GarminProblemCode.FILE_UNSUPPORTED);
        assertThat(importZip(Map.of("ride.gpx", utf8(TestFiles.gpx(10, false, "cycling")))).problem().code())
                .isEqualTo(GarminProblemCode.GARMIN_NOT_A_RUN);
        assertThat(importer.importBytes("broken.zip", new byte[] {'P', 'K', 3, 4, 9, 9, 9}).problem().code())
                .isEqualTo(GarminProblemCode.FILE_UNREADABLE);
        byte[] whole = HostileFiles.zip(Map.of("run.gpx", utf8(TestFiles.gpx(300, true, "running"))));
        assertThat(importer.importBytes("cut.zip", Arrays.copyOf(whole, whole.length / 2)).problem().code())
                .isEqualTo(GarminProblemCode.FILE_UNREADABLE);
    }

    @Test
    void aZipInsideTheZipIsNotOpened() {
        byte[] inner = HostileFiles.zip(Map.of("run.gpx", utf8(TestFiles.gpx(10, false, "running"))));

        assertThat(importZip(Map.of("inner.zip", inner)).problem().code())
                .isEqualTo(GarminProblemCode.FILE_UNSUPPORTED);
    }

    @Test
    void entryNamesArePathsOnlyForDisplay() {
        Activity a = importZip(Map.of("../../../etc/cron.d/run.tcx", utf8(TestFiles.tcx(10, false, false)))).value();

        assertThat(a.name()).isEqualTo("run.tcx");
    }

    @Test
    void aHostileGpxInsideAZipIsRefusedLikeOneSentAlone() {
        byte[] gpx = HostileFiles.gpx("http://127.0.0.1:9", "/etc/hostname").get("internal-subset-only");

        Result<Activity> r = importZip(Map.of("run.gpx", gpx));

        assertThat(r.problem().code()).isEqualTo(GarminProblemCode.FILE_UNREADABLE);
        assertThat(r.problem().detail()).contains("DOCTYPE");
    }

    @Test
    void aZipBombIsRefusedByItsCompressionRatio() {
        byte[] bomb = HostileFiles.zipBomb(200);
        assertThat((long) bomb.length).as("small on the wire").isLessThan(ActivityFileImporter.MAX_BYTES / 100);

        Result<Activity> r = importer.importBytes("bomb.zip", bomb);

        assertThat(r.problem().code()).isEqualTo(GarminProblemCode.FILE_ARCHIVE_REFUSED);
        assertThat(r.problem().detail()).contains("compressed more than 100:1");
    }

    @Test
    void tooManyEntriesAreRefused() {
        assertThat(importer.importBytes("many.zip", HostileFiles.zipOfManyEntries(201)).problem().code())
                .isEqualTo(GarminProblemCode.FILE_ARCHIVE_REFUSED);
        assertThat(importer.importBytes("ok.zip", HostileFiles.zipOfManyEntries(200)).problem().code())
                .as("200 entries are read, and hold no activity").isEqualTo(GarminProblemCode.FILE_UNSUPPORTED);
    }

    @Test
    void tooManyBytesInTotalAreRefusedEvenWhenEachEntryIsAllowed() {
        // Four 300 KB entries of random digits (about 2:1): each allowed, 1.2 MB together past a 1 MB total.
        BoundedZip.Limits oneMegabyte = new BoundedZip.Limits(200, 500_000, 1_000_000, 100, 1_000_000);
        Map<String, byte[]> entries = HostileFiles.randomDigits(4, 300_000, 42);

        Result<Activity> r = new ActivityFileImporter(ActivityFileImporter.MAX_BYTES, oneMegabyte)
                .importBytes("big.zip", HostileFiles.zip(entries));

        assertThat(r.problem().code()).isEqualTo(GarminProblemCode.FILE_ARCHIVE_REFUSED);
        assertThat(r.problem().detail()).contains("1000000 bytes in total");
    }

    @Test
    void anEntryOverTheFileLimitIsRefused() {
        BoundedZip.Limits small = new BoundedZip.Limits(10, 1000, 100_000, 100, 1_000_000);
        byte[] zip = HostileFiles.zip(Map.of("run.tcx", utf8(TestFiles.tcx(200, true, true))));

        Result<Activity> r = new ActivityFileImporter(ActivityFileImporter.MAX_BYTES, small).importBytes("z.zip", zip);

        assertThat(r.problem().code()).isEqualTo(GarminProblemCode.FILE_ARCHIVE_REFUSED);
        assertThat(r.problem().detail()).contains("an entry inflates past 1000 bytes");
    }

    @Test
    void theRefusalTellsTheRunnerTheLimits() {
        assertThat(GarminProblemCode.FILE_ARCHIVE_REFUSED.friendly()).contains("200 files", "100 MB", "25 MB");
    }
}
