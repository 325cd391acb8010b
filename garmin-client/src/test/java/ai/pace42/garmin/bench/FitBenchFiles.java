package ai.pace42.garmin.bench;

import ai.pace42.garmin.files.FitRunWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The FIT files both sides of the fit-file-parser comparison read (scripts/fit-benchmark.sh): watch-like 1 Hz runs
 * with GPS, heart rate, cadence, running dynamics and one pause, of the record counts in issue 4, plus one with a
 * Connect IQ app's developer fields. Deterministic: the same bytes every time.
 */
public final class FitBenchFiles {

    private FitBenchFiles() {
    }

    /** File name → content. */
    public static Map<String, byte[]> all() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int records : new int[]{1300, 2700, 7200}) {
            files.put("run-" + records + ".fit", FitRunWriter.run(records).pause(records / 2, 60).watchLike().encode());
        }
        files.put("run-2700-devfields.fit",
                FitRunWriter.run(2700).pause(1350, 60).watchLike().developerFields().encode());
        return files;
    }

    /** Writes every file into {@code dir}, created if needed. */
    public static void writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> f : all().entrySet()) {
            Files.write(dir.resolve(f.getKey()), f.getValue());
        }
    }

    /** {@code FitBenchFiles <dir>}: writes the files and lists them with their sizes. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/fit-bench");
        writeTo(dir);
        for (Map.Entry<String, byte[]> f : all().entrySet()) {
            System.out.printf("%s\t%d bytes%n", dir.resolve(f.getKey()), f.getValue().length);
        }
    }
}
