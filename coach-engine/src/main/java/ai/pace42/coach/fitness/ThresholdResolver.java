package ai.pace42.coach.fitness;

import ai.pace42.coach.analysis.RunStreams;
import ai.pace42.coach.analysis.Thresholds;
import ai.pace42.coach.analysis.Vdot;
import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.AthleteProfile;
import ai.pace42.coach.model.Sex;
import ai.pace42.coach.model.Sourced;
import ai.pace42.coach.model.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Fills the profile's gaps from the runs: HRmax from the highest HR recorded (device maximum or sample) on runs
 * whose HR does not track cadence; VDOT from the best race or, failing that, the best effort of 3 km or more. Every
 * estimate is labelled {@code ESTIMATED} so answers can say so, and is made only from enough history (8 runs over 4
 * weeks, real-recordings.md §5.1): one file's own maximum or pace is never presented as the runner's threshold.
 */
public final class ThresholdResolver {

    public static final int MIN_RUNS_FOR_ESTIMATES = 8;
    public static final Duration MIN_SPAN_FOR_ESTIMATES = Duration.ofDays(28);

    /** A recorded maximum above this is a sensor artefact, not a heart rate. */
    private static final double MAX_PLAUSIBLE_HR = 230;

    private ThresholdResolver() {
    }

    public static Thresholds resolve(AthleteProfile p, List<Activity> runs) {
        boolean enough = enoughHistory(runs);
        Optional<Sourced<Double>> observed = enough ? estimateMaxHr(runs) : Optional.empty();
        // An age formula is only a seed: an artefact-free maximum from enough runs above it replaces it.
        Optional<Sourced<Double>> maxHr = p.maxHeartRate()
                .filter(m -> m.source() != ValueSource.AGE_FORMULA || observed.map(o -> o.value() <= m.value()).orElse(true))
                .or(() -> observed);
        Sourced<Double> rest = p.restingHeartRate().orElse(Sourced.byDefault(Thresholds.DEFAULT_RESTING_HR));
        Optional<Sourced<Double>> vdot = p.vdot().or(() -> enough
                ? VdotEstimate.best(runs).map(e -> Sourced.estimated(e.vdot())) : Optional.empty());
        Optional<Sourced<Double>> thresholdSpeed = p.thresholdPaceSPerKm()
                .map(t -> new Sourced<>(1000.0 / t.value(), t.source()));
        Sourced<Sex> sex = p.sex().orElse(Sourced.byDefault(Sex.MALE));
        return new Thresholds(maxHr, rest, p.lactateThresholdHeartRate(), vdot, thresholdSpeed, sex);
    }

    /** At least 8 runs whose start times span 4 weeks or more. */
    public static boolean enoughHistory(List<Activity> runs) {
        List<Instant> starts = runs.stream().flatMap(a -> a.startInstant().stream()).sorted().toList();
        return starts.size() >= MIN_RUNS_FOR_ESTIMATES
                && !Duration.between(starts.get(0), starts.get(starts.size() - 1)).minus(MIN_SPAN_FOR_ESTIMATES).isNegative();
    }

    /**
     * The highest HR recorded: an estimate below a value the runner has seen on their watch (the prototype took
     * a 30 s mean and said 188 for a runner who had peaked at 193) is wrong by definition.
     */
    static Optional<Sourced<Double>> estimateMaxHr(List<Activity> runs) {
        double best = Double.NaN;
        for (Activity a : runs) {
            boolean locked = a.samples().hasHeartRate() && a.samples().hasCadence()
                    && lockedToCadence(a.samples().heartRate(), a.samples().cadenceSpm());
            if (locked) {
                continue;
            }
            double observed = a.summary().maxHeartRate().orElse(Double.NaN);
            if (observed > 0 && observed < MAX_PLAUSIBLE_HR && !(observed <= best)) {
                best = observed;
            }
            if (!a.samples().hasHeartRate()) {
                continue;
            }
            double peak = peak(a.samples().heartRate());
            if (!(peak <= best)) {
                best = Double.isNaN(peak) ? best : peak;
            }
        }
        return Double.isNaN(best) || best < 120 ? Optional.empty() : Optional.of(Sourced.estimated((double) Math.round(best)));
    }

    /** The highest plausible single reading (NaN when there is none). */
    private static double peak(double[] hr) {
        double m = Double.NaN;
        for (double x : hr) {
            if (x > 0 && x < MAX_PLAUSIBLE_HR && !(x <= m)) {
                m = x;
            }
        }
        return m;
    }

    private static boolean lockedToCadence(double[] hr, double[] cadence) {
        int locked = 0, both = 0;
        for (int i = 0; i < hr.length; i++) {
            if (!Double.isNaN(hr[i]) && cadence[i] > 0) {
                both++;
                if (Math.abs(hr[i] - cadence[i]) <= 3) {
                    locked++;
                }
            }
        }
        return both > 0 && locked > both / 2;
    }

    /** VDOT evidence: the performance it came from. */
    public record VdotEstimate(double vdot, Activity from, double distanceM, double timeS, boolean race) {

        public static Optional<VdotEstimate> best(List<Activity> runs) {
            VdotEstimate best = null;
            for (Activity a : runs) {
                double d = a.distanceM().orElse(Double.NaN), t = a.movingS().orElse(a.elapsedS().orElse(Double.NaN));
                // The device summary is enough when it has both values; rebuilding streams for every run is costly.
                boolean summaryComplete = a.distanceM().isPresent() && a.movingS().isPresent();
                if (!summaryComplete && a.samples().size() > 1) {
                    RunStreams s = RunStreams.of(a);
                    if (!Double.isNaN(s.totalDistance()) && s.movingSeconds() > 0) {
                        d = s.totalDistance();
                        t = s.movingSeconds();
                    }
                }
                if (!(d >= 3000) || !(t > 0)) {
                    continue;
                }
                double v = Vdot.of(d, t);
                boolean race = a.tags().race();
                // A race beats any training effort: training runs are rarely all-out.
                boolean better = best == null || (race && !best.race()) || (race == best.race() && v > best.vdot());
                if (better && v > 20 && v < 90) {
                    best = new VdotEstimate(v, a, d, t, race);
                }
            }
            return Optional.ofNullable(best);
        }
    }
}
