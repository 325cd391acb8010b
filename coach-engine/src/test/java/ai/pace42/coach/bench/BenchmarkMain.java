package ai.pace42.coach.bench;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the coach benchmarks; an optional first argument filters them by regex, an optional second names JMH
 * profilers to add, comma-separated (e.g. "gc": allocation per operation, robust on a shared machine).
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws RunnerException {
        OptionsBuilder builder = new OptionsBuilder();
        if (args.length > 1 && !args[1].isBlank() && !args[1].equals("none")) {
            for (String profiler : args[1].split(",")) {
                builder.addProfiler(profiler.strip());
            }
        }
        Options options = builder
                .include(args.length > 0 ? args[0] : CoachBenchmarks.class.getSimpleName())
                .forks(1)
                .warmupIterations(4)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(1))
                .jvmArgsAppend("-Djava.awt.headless=true")
                .build();
        new Runner(options).run();
    }
}
