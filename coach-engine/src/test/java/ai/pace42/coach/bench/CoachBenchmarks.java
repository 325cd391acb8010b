package ai.pace42.coach.bench;

import ai.pace42.coach.ChartImage;
import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.CoachQuestion;
import ai.pace42.coach.DeterministicCoach;
import ai.pace42.coach.UnitSystem;
import ai.pace42.coach.analysis.RunAnalysis;
import ai.pace42.coach.analysis.RunAnalyzer;
import ai.pace42.coach.analysis.RunContext;
import ai.pace42.coach.analysis.Thresholds;
import ai.pace42.coach.answer.Format;
import ai.pace42.coach.chart.FitnessChart;
import ai.pace42.coach.chart.RecentRunsChart;
import ai.pace42.coach.chart.RunChart;
import ai.pace42.coach.chart.WeeklyVolumeChart;
import ai.pace42.coach.chart.ZonesChart;
import ai.pace42.coach.fitness.LoadStatus;
import ai.pace42.coach.fitness.LoadStatusCalculator;
import ai.pace42.coach.fitness.ThresholdResolver;
import ai.pace42.coach.fitness.TrainingHistory;
import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.ActivitySource;
import ai.pace42.coach.model.AthleteProfile;
import ai.pace42.coach.model.LapIntensity;
import ai.pace42.coach.model.Sex;
import ai.pace42.coach.model.Sourced;
import ai.pace42.coach.sample.RunSynthesizer;
import ai.pace42.coach.sample.SampleAthlete;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The four performance targets of issue 3: analysis of a 2-hour 1 Hz run (≤ 2 ms), each chart (≤ 40 ms), a full
 * "analyze my last run" answer with chart (≤ 60 ms), fitness over two years (≤ 5 ms). Not a test: run with
 * {@code mvn -B -q -pl coach-engine -Pbench verify}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CoachBenchmarks {

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    static final Instant NOW = Instant.parse("2026-11-26T19:00:00Z");

    Activity twoHourRun;
    Thresholds thresholds;
    RunAnalysis twoHourAnalysis;
    List<RunAnalysis> lastThree;
    /** The sample athlete's last run: a noisy, watch-like trace (the reference chart "run"). */
    RunAnalysis sampleLast;
    LoadStatus sampleStatus;
    TrainingHistory twoYears;
    Format metric;
    DeterministicCoach warmCoach;
    ActivitySource sample;
    CoachQuestion lastRun;

    @Setup
    public void setUp() {
        metric = new Format(UnitSystem.METRIC, ZONE);
        AthleteProfile profile = AthleteProfile.unknown().withMaxHeartRate(Sourced.userSet(188.0))
                .withRestingHeartRate(Sourced.userSet(50.0)).withLactateThresholdHeartRate(Sourced.userSet(170.0))
                .withVdot(Sourced.userSet(49.8)).withSex(Sourced.userSet(Sex.MALE));
        thresholds = ThresholdResolver.resolve(profile, List.of());
        twoHourRun = RunSynthesizer.seeded(42).initialHr(100)
                .segment(15, 345, 135, 140).segment(90, 330, 145, 152).segment(15, 320, 150, 158)
                .build("two-hours", "bench", NOW.atZone(ZONE).minusDays(1));
        twoHourAnalysis = RunAnalyzer.analyze(twoHourRun, thresholds, RunContext.none(), UnitSystem.METRIC);

        sample = new SampleAthlete(Clock.fixed(NOW, ZoneOffset.UTC), ZONE);
        List<Activity> sampleRuns = sample.list(Instant.EPOCH, NOW).stream().map(h -> sample.load(h.id()).orElseThrow()).toList();
        TrainingHistory sampleHistory = TrainingHistory.analyse(sampleRuns, ThresholdResolver.resolve(sample.profile(), sampleRuns), ZONE, UnitSystem.METRIC);
        lastThree = sampleHistory.runs().subList(sampleHistory.runs().size() - 3, sampleHistory.runs().size());
        sampleLast = lastThree.get(2);
        sampleStatus = LoadStatusCalculator.of(sampleHistory, LocalDate.ofInstant(NOW, ZONE));

        List<Activity> twoYearRuns = new ArrayList<>();
        LocalDate start = LocalDate.ofInstant(NOW, ZONE).minusWeeks(104);
        for (int d = 0; d < 104 * 7; d++) {
            int dow = d % 7;
            if (dow == 0 || dow == 4) {
                continue;
            }
            double minutes = dow == 6 ? 60 : 30;
            double pace = dow == 2 ? 280 : 340;
            twoYearRuns.add(RunSynthesizer.seeded(d).initialHr(120).segment(minutes, pace, dow == 2 ? 160 : 140, dow == 2 ? 165 : 143, 0, LapIntensity.UNKNOWN)
                    .build("y" + d, "bench", start.plusDays(d).atTime(7, 0).atZone(ZONE)));
        }
        twoYears = TrainingHistory.analyse(twoYearRuns, thresholds, ZONE, UnitSystem.METRIC);

        lastRun = new CoachQuestion("bench", "Analyze my last run", UnitSystem.METRIC, ZONE, NOW);
        warmCoach = new DeterministicCoach(account -> Optional.of(sample));
        warmCoach.answer(lastRun);
    }

    @Benchmark
    public RunAnalysis analyzeTwoHourRun() {
        return RunAnalyzer.analyze(twoHourRun, thresholds, RunContext.none(), UnitSystem.METRIC);
    }

    @Benchmark
    public ChartImage chartRun() {
        return RunChart.render(twoHourAnalysis, metric);
    }

    @Benchmark
    public ChartImage chartRunSample() {
        return RunChart.render(sampleLast, metric);
    }

    @Benchmark
    public ChartImage chartRecentRuns() {
        return RecentRunsChart.render(lastThree, metric);
    }

    @Benchmark
    public ChartImage chartFitness() {
        return FitnessChart.render(sampleStatus.days());
    }

    @Benchmark
    public ChartImage chartWeeklyVolume() {
        return WeeklyVolumeChart.render(sampleStatus.weeks(), metric);
    }

    @Benchmark
    public ChartImage chartZones() {
        return ZonesChart.render(twoHourAnalysis.hrZones().get(), "Time in HR zones");
    }

    /** Follow-up question: the analysed 16-week history is cached, the answer and chart are built fresh. */
    @Benchmark
    public CoachAnswer answerLastRunWarm() {
        return warmCoach.answer(lastRun);
    }

    /** First question of a session: lists, loads and analyses all 16 weeks of per-second data, then answers. */
    @Benchmark
    public CoachAnswer answerLastRunCold() {
        return new DeterministicCoach(account -> Optional.of(sample)).answer(lastRun);
    }

    /** Fitness/fatigue/form, weekly volume and monotony over two years (520 analysed runs). */
    @Benchmark
    public LoadStatus fitnessOverTwoYears() {
        return LoadStatusCalculator.of(twoYears, LocalDate.ofInstant(NOW, ZONE));
    }
}
