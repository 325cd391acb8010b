package ai.pace42.coach.fitness;

import ai.pace42.coach.UnitSystem;
import ai.pace42.coach.analysis.PriorRun;
import ai.pace42.coach.analysis.RunAnalysis;
import ai.pace42.coach.analysis.RunAnalyzer;
import ai.pace42.coach.analysis.RunContext;
import ai.pace42.coach.analysis.Thresholds;
import ai.pace42.coach.model.Activity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** All analysed runs of a window, oldest first, each classified with the runs before it as context. */
public record TrainingHistory(List<RunAnalysis> runs, Thresholds thresholds, ZoneId zone) {

    /** How far back classification looks for context (long-run threshold, previous hard day). */
    static final Duration CONTEXT = Duration.ofDays(60);

    public TrainingHistory {
        runs = List.copyOf(runs);
    }

    public static TrainingHistory analyse(List<Activity> activities, Thresholds th, ZoneId zone, UnitSystem units) {
        List<Activity> sorted = activities.stream().filter(a -> a.start().isPresent())
                .sorted(Comparator.comparing(a -> a.start().get().toInstant())).toList();
        List<RunAnalysis> out = new ArrayList<>(sorted.size());
        List<PriorRun> prior = new ArrayList<>();
        for (Activity a : sorted) {
            Instant t = a.start().get().toInstant();
            List<PriorRun> window = prior.stream().filter(p -> !p.start().isBefore(t.minus(CONTEXT))).toList();
            RunAnalysis r = RunAnalyzer.analyze(a, th, new RunContext(window), units);
            out.add(r);
            prior.add(new PriorRun(t, r.type(), r.movingS(), Double.isNaN(r.distanceM()) ? 0 : r.distanceM()));
        }
        return new TrainingHistory(out, th, zone);
    }

    public Optional<RunAnalysis> latest() {
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(runs.size() - 1));
    }

    public LocalDate dateOf(RunAnalysis r) {
        return r.activity().start().get().withZoneSameInstant(zone).toLocalDate();
    }

    public Instant startOf(RunAnalysis r) {
        return r.activity().start().get().toInstant();
    }

    /** Runs that started in [from, to). */
    public List<RunAnalysis> between(Instant from, Instant to) {
        return runs.stream().filter(r -> !startOf(r).isBefore(from) && startOf(r).isBefore(to)).toList();
    }

    /** Longest distance of runs that started in the 30 days before {@code at} (0 when none). */
    public double longestBefore(Instant at, int days) {
        return between(at.minus(Duration.ofDays(days)), at).stream()
                .mapToDouble(r -> Double.isNaN(r.distanceM()) ? 0 : r.distanceM()).max().orElse(0);
    }

    public SpikeCheck spikeCheck(RunAnalysis r) {
        return SpikeCheck.of(r.distanceM(), longestBefore(startOf(r), 30));
    }
}
