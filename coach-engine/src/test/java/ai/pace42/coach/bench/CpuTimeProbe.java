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
 * [regex]; the optional regex keeps only the scenarios whose name it finds (e.g. {@code chart}), so a run stays short.
 */
public final class CpuTimeProbe {

    private CpuTimeProbe() {
    }

    /** The PNG size of a chart or of an answer's charts, for the ≤ 50 KB budget. */
    private static String pngBytes(Object result) {
        if (result instanceof ai.pace42.coach.ChartImage c) {
            return "   png " + c.png().length + " B";
        }
        if (result instanceof ai.pace42.coach.CoachAnswer a && !a.charts().isEmpty()) {
            return "   png " + a.charts().stream().mapToInt(c -> c.png().length).sum() + " B";
        }
        return "";
    }

    public static void main(String[] args) {
        CoachBenchmarks b = new CoachBenchmarks();
        b.setUp();
        Map<String, Supplier<Object>> scenarios = new LinkedHashMap<>();
        scenarios.put("analyzeTwoHourRun", b::analyzeTwoHourRun);
        scenarios.put("chartRun", b::chartRun);
        scenarios.put("chartRunSample", b::chartRunSample);
        scenarios.put("chartRecentRuns", b::chartRecentRuns);
        scenarios.put("chartFitness", b::chartFitness);
        scenarios.put("chartWeeklyVolume", b::chartWeeklyVolume);
        scenarios.put("chartZones", b::chartZones);
        scenarios.put("answerLastRunWarm", b::answerLastRunWarm);
        scenarios.put("answerLastRunCold", b::answerLastRunCold);
        scenarios.put("fitnessOverTwoYears", b::fitnessOverTwoYears);
        for (String question : new String[] {"Analyze my last run", "Compare my last 3 runs",
                "How is my fitness trending?", "What should I run tomorrow?"}) {
            AnswerFloorBenchmarks floor = new AnswerFloorBenchmarks();
            floor.question = question;
            floor.setUp();
            String name = question.replaceAll("\\W", "");
            scenarios.put("floorComputed/" + name, floor::computed);
            scenarios.put("floorCached/" + name, floor::cached);
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        com.sun.management.ThreadMXBean alloc = (com.sun.management.ThreadMXBean) mx;
        java.util.regex.Pattern only = java.util.regex.Pattern.compile(args.length > 0 ? args[0] : "");
        for (Map.Entry<String, Supplier<Object>> e : scenarios.entrySet()) {
            if (!only.matcher(e.getKey()).find()) {
                continue;
            }
            int warmup = e.getKey().endsWith("Cold") ? 10 : 60, runs = e.getKey().endsWith("Cold") ? 15 : 60;
            for (int i = 0; i < warmup; i++) {
                e.getValue().get();
            }
            double[] ms = new double[runs];
            long allocated = 0;
            Object last = null;
            for (int i = 0; i < runs; i++) {
                long a0 = alloc.getThreadAllocatedBytes(Thread.currentThread().getId());
                long t0 = mx.getCurrentThreadCpuTime();
                last = e.getValue().get();
                ms[i] = (mx.getCurrentThreadCpuTime() - t0) / 1e6;
                allocated += alloc.getThreadAllocatedBytes(Thread.currentThread().getId()) - a0;
            }
            Arrays.sort(ms);
            System.out.printf(Locale.ROOT, "%-30s cpu median %7.2f ms   p90 %7.2f ms   allocated %8.1f KB/op%s%n", e.getKey(),
                    ms[runs / 2], ms[(int) (runs * 0.9)], allocated / 1024.0 / runs, pngBytes(last));
        }
    }
}
