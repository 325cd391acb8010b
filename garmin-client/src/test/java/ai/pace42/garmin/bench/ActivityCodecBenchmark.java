package ai.pace42.garmin.bench;

import ai.pace42.coach.model.Activity;
import ai.pace42.garmin.TestActivities;
import ai.pace42.garmin.sync.ActivityCodec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The database cache's codec on a two-hour 1 Hz run (8 channels). Not run by mvn verify. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ActivityCodecBenchmark {

    private Activity run;
    private byte[] bytes;

    @Setup
    public void setUp() {
        run = TestActivities.twoHourRun();
        bytes = ActivityCodec.encode(run);
    }

    @Benchmark
    public byte[] encode() {
        return ActivityCodec.encode(run);
    }

    @Benchmark
    public Optional<Activity> decode() {
        return ActivityCodec.decode(bytes);
    }
}
