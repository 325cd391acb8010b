package ai.pace42.coach.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Companion to JMH for a shared, loaded machine: measures each benchmark scenario in thread CPU time, which other
 * processes competing for the two cores do not inflate the way they inflate wall-clock time. Reports the median and
 * 90th percentile per operation after a warm-up. Run: java -cp (test classpath) ai.pace42.coach.bench.CpuTimeProbe
 */
public final class CpuTimeProbe {

    private CpuTimeProbe() {
    }

    public static void main(String[] args) {
        CoachBenchmarks b = new CoachBenchmarks();
        b.setUp();
        Map<String, Supplier<Object>> scenarios = new LinkedHashMap<>();
        scenarios.put("analyzeTwoHourRun", b::analyzeTwoHourRun);
        scenarios.put("chartRun", b::chartRun);
        scenarios.put("chartRecentRuns", b::chartRecentRuns);
        scenarios.put("chartFitness", b::chartFitness);
        scenarios.put("chartWeeklyVolume", b::chartWeeklyVolume);
        scenarios.put("chartZones", b::chartZones);
        scenarios.put("answerLastRunWarm", b::answerLastRunWarm);
        scenarios.put("answerLastRunCold", b::answerLastRunCold);
        scenarios.put("fitnessOverTwoYears", b::fitnessOverTwoYears);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (Map.Entry<String, Supplier<Object>> e : scenarios.entrySet()) {
            int warmup = e.getKey().endsWith("Cold") ? 10 : 60, runs = e.getKey().endsWith("Cold") ? 15 : 60;
            for (int i = 0; i < warmup; i++) {
                e.getValue().get();
            }
            double[] ms = new double[runs];
            for (int i = 0; i < runs; i++) {
                long t0 = mx.getCurrentThreadCpuTime();
                e.getValue().get();
                ms[i] = (mx.getCurrentThreadCpuTime() - t0) / 1e6;
            }
            Arrays.sort(ms);
            System.out.printf(Locale.ROOT, "%-22s cpu median %7.2f ms   p90 %7.2f ms%n", e.getKey(), ms[runs / 2], ms[(int) (runs * 0.9)]);
        }
    }
}
