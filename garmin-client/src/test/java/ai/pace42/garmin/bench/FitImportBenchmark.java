package ai.pace42.garmin.bench;

import ai.pace42.coach.model.Activity;
import ai.pace42.garmin.Result;
import ai.pace42.garmin.files.ActivityFileImporter;
import ai.pace42.garmin.files.TestFiles;
import com.garmin.fit.Sport;
import com.garmin.fit.SubSport;
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

import java.util.concurrent.TimeUnit;

/** FIT decode + normalise into the model, on SDK-encoded files of the sizes in the issue. Not run by mvn verify. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FitImportBenchmark {

    @Param({"1300", "2700", "7200"})
    public int records;

    private byte[] fit;
    private final ActivityFileImporter importer = new ActivityFileImporter();

    @Setup
    public void setUp() {
        fit = TestFiles.fit(records, true, true, records / 2, 60, Sport.RUNNING, SubSport.STREET);
    }

    @Benchmark
    public Result<Activity> importFit() {
        return importer.importBytes("bench.fit", fit);
    }
}
