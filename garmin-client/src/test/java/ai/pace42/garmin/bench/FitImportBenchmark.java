package ai.pace42.garmin.bench;

import ai.pace42.coach.model.Activity;
import ai.pace42.garmin.Result;
import ai.pace42.garmin.files.ActivityFileImporter;
import com.garmin.fit.Decode;
import com.garmin.fit.MesgBroadcaster;
import com.garmin.fit.RecordMesgListener;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * FIT decode + normalise into the model, on the files of {@link FitBenchFiles}. With {@code -p dir=<path>} it reads
 * the files scripts/fit-benchmark.sh wrote for both sides of the fit-file-parser comparison; without, it generates
 * the same files in memory. Not run by mvn verify.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FitImportBenchmark {

    @Param({"run-1300.fit", "run-2700.fit", "run-7200.fit", "run-2700-devfields.fit"})
    public String file;

    @Param({""})
    public String dir;

    private byte[] fit;
    private final ActivityFileImporter importer = new ActivityFileImporter();

    @Setup
    public void setUp() throws IOException {
        fit = dir.isEmpty() ? FitBenchFiles.all().get(file) : Files.readAllBytes(Path.of(dir, file));
        if (fit == null || !importer.importBytes(file, fit).isOk()) {
            throw new IllegalStateException("not an importable bench file: " + file);
        }
    }

    @Benchmark
    public Result<Activity> importFit() {
        return importer.importBytes(file, fit);
    }

    /**
     * Reference, not our path: the FIT SDK's streaming Decode + MesgBroadcaster with one record listener (decode
     * only, no model), the fastest SDK use issue 4 measured.
     */
    @Benchmark
    public long sdkStreamingDecode() {
        long[] sum = {0};
        Decode decode = new Decode();
        MesgBroadcaster broadcaster = new MesgBroadcaster(decode);
        broadcaster.addListener((RecordMesgListener) r -> {
            Short hr = r.getHeartRate();
            sum[0] += hr == null ? 0 : hr;
        });
        decode.read(new ByteArrayInputStream(fit), broadcaster, broadcaster);
        return sum[0];
    }
}
