package ai.pace42.garmin.bench;

import ai.pace42.coach.model.Activity;
import ai.pace42.garmin.Fixtures;
import ai.pace42.garmin.Result;
import ai.pace42.garmin.normalise.ActivityNormaliser;
import ai.pace42.garmin.normalise.DetailRows;
import ai.pace42.garmin.normalise.GarminPayloads;
import ai.pace42.garmin.normalise.PayloadReader;
import com.fasterxml.jackson.databind.JsonNode;
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

import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/** Normalising a 2-hour 1 Hz details payload (7,200 rows × 8 channels). Target ≤ 20 ms. Not run by mvn verify. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NormaliseBenchmark {

    private static final long ID = 23457031515L;
    private String detailsBody;
    private JsonNode activity;
    private JsonNode details;

    @Setup
    public void setUp() {
        detailsBody = Fixtures.details(ID, 7200);
        activity = Fixtures.json(Fixtures.activityDetail(ID));
        details = Fixtures.json(detailsBody);
    }

    /** Tree already parsed: the normaliser alone. */
    @Benchmark
    public Result<Activity> normaliseParsed() {
        return ActivityNormaliser.normalise(GarminPayloads.of(activity).withDetails(details), OptionalLong.of(Fixtures.OWNER));
    }

    /** From the HTTP body string, streamed into rows (the path GarminActivitySource uses). */
    @Benchmark
    public Result<Activity> streamAndNormalise() {
        DetailRows rows = DetailRows.stream(detailsBody).orElseThrow();
        return ActivityNormaliser.normalise(GarminPayloads.of(activity).withDetailRows(rows),
                OptionalLong.of(Fixtures.OWNER));
    }

    /** From the HTTP body string via a JSON tree: the tolerant fallback path. */
    @Benchmark
    public Result<Activity> parseAndNormalise() {
        JsonNode d = PayloadReader.read(detailsBody).value();
        return ActivityNormaliser.normalise(GarminPayloads.of(activity).withDetails(d), OptionalLong.of(Fixtures.OWNER));
    }
}
