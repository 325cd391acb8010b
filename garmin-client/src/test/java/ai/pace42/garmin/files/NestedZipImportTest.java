package ai.pace42.garmin.files;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.Result;
import ai.pace42.garmin.files.ActivityFileImporter.ImportedFile;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every file of an upload for the history: zips one level down are opened, inside the same limits. */
class NestedZipImportTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] run(String day) {
        return utf8(TestFiles.gpx(20, false, "running").replace("2026-05-03", day));
    }

    private static List<String> names(Result<List<ImportedFile>> r) {
        return r.value().stream().map(ImportedFile::name).toList();
    }

    @Test
    void theFilesOfAPartZipAreImportedEachWithTheHashOfItsBytes() {
        byte[] part = HostileFiles.zip(Map.of("1001.gpx", run("2026-05-03")));
        byte[] export = HostileFiles.zip(Map.of("DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip", part));

        Result<List<ImportedFile>> r = new ActivityFileImporter().importEach("export.zip", export);

        assertThat(names(r)).containsExactly("1001.gpx");
        ImportedFile f = r.value().get(0);
        assertThat(f.activity().isOk()).isTrue();
        // SHA-256 of the entry's bytes, computed here independently of the importer.
        assertThat(f.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(sha256(run("2026-05-03"))));
    }

    @Test
    void aZipTwoLevelsDownIsNotOpened() {
        byte[] deepest = HostileFiles.zip(Map.of("deep.gpx", run("2026-05-03")));
        byte[] inner = HostileFiles.zip(Map.of("inner.zip", deepest));
        byte[] outer = HostileFiles.zip(Map.of("outer.zip", inner));

        Result<List<ImportedFile>> r = new ActivityFileImporter().importEach("x.zip", outer);

        assertThat(names(r)).containsExactly("inner.zip");
        assertThat(r.value().get(0).activity().problem().code()).isEqualTo(GarminProblemCode.FILE_UNSUPPORTED);
    }

    @Test
    void entriesOfInnerZipsCountAgainstTheSameEntryLimit() {
        BoundedZip.Limits five = new BoundedZip.Limits(5, 1_000_000, 10_000_000, 100, 1_000_000);
        Map<String, byte[]> three = Map.of("1.gpx", run("2026-05-01"), "2.gpx", run("2026-05-02"),
                "3.gpx", run("2026-05-03"));
        Map<String, byte[]> four = new LinkedHashMap<>(three);
        four.put("4.gpx", run("2026-05-04"));
        ActivityFileImporter importer = new ActivityFileImporter(ActivityFileImporter.MAX_BYTES, five);

        // outer: a GPX and the part = 2 entries read (notes.txt is skipped unread); inner 3 → 5, allowed;
        // inner 4 → 6, refused.
        Result<List<ImportedFile>> fits = importer.importEach("a.zip", HostileFiles.zip(Map.of("notes.txt",
                utf8("x"), "0.gpx", run("2026-04-30"), "part.zip", HostileFiles.zip(three))));
        Result<List<ImportedFile>> over = importer.importEach("b.zip", HostileFiles.zip(Map.of("notes.txt",
                utf8("x"), "0.gpx", run("2026-04-30"), "part.zip", HostileFiles.zip(four))));

        assertThat(fits.value()).hasSize(4);
        assertThat(over.problem().code()).isEqualTo(GarminProblemCode.FILE_ARCHIVE_REFUSED);
        assertThat(over.problem().detail()).contains("more than 5 entries");
    }

    @Test
    void bytesOfInnerZipsCountAgainstTheSameTotal() {
        // One inner zip of four 300 KB entries of random digits (about 2:1): 1.2 MB inflated inside, past 1 MB.
        BoundedZip.Limits oneMegabyte = new BoundedZip.Limits(200, 900_000, 1_000_000, 100, 1_000_000);
        // Named as activity files: a history import reads only those (and zips), other names are skipped unread.
        Map<String, byte[]> entries = new LinkedHashMap<>();
        HostileFiles.randomDigits(4, 300_000, 7).forEach((name, bytes) -> entries.put(name + ".gpx", bytes));
        byte[] outer = HostileFiles.zip(Map.of("part.zip", HostileFiles.zip(entries)));

        Result<List<ImportedFile>> r = new ActivityFileImporter(ActivityFileImporter.MAX_BYTES, oneMegabyte)
                .importEach("big.zip", outer);

        assertThat(r.problem().code()).isEqualTo(GarminProblemCode.FILE_ARCHIVE_REFUSED);
        assertThat(r.problem().detail()).contains("1000000 bytes in total");
    }

    private static byte[] sha256(byte[] b) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(b);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
