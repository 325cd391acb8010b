package ai.pace42.coach.fitness;

import ai.pace42.coach.analysis.RunStreams;
import ai.pace42.coach.analysis.Thresholds;
import ai.pace42.coach.analysis.Vdot;
import ai.pace42.coach.model.Activity;
import ai.pace42.coach.model.AthleteProfile;
import ai.pace42.coach.model.Sex;
import ai.pace42.coach.model.Sourced;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Fills the profile's gaps from the runs: HRmax from the highest sustained (30 s) HR of runs whose HR does not
 * track cadence; VDOT from the best race or, failing that, the best effort of 3 km or more. Every estimate is
 * labelled {@code ESTIMATED} so answers can say so, and is made only from enough history (8 runs over 4 weeks,
 * real-recordings.md §5.1): one file's own maximum or pace is never presented as the runner's threshold.
 */
public final class ThresholdResolver {

    public static final int MIN_RUNS_FOR_ESTIMATES = 8;
    public static final Duration MIN_SPAN_FOR_ESTIMATES = Duration.ofDays(28);

    private ThresholdResolver() {
    }

    public static Thresholds resolve(AthleteProfile p, List<Activity> runs) {
        boolean enough = enoughHistory(runs);
        Optional<Sourced<Double>> maxHr = p.maxHeartRate().or(() -> enough ? estimateMaxHr(runs) : Optional.empty());
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

    static Optional<Sourced<Double>> estimateMaxHr(List<Activity> runs) {
        double best = Double.NaN;
        for (Activity a : runs) {
            if (!a.samples().hasHeartRate()) {
                continue;
            }
            double[] hr = a.samples().heartRate();
            if (a.samples().hasCadence() && lockedToCadence(hr, a.samples().cadenceSpm())) {
                continue;
            }
            double sustained = maxRollingMean(hr, 30);
            if (!(sustained <= best)) {
                best = Double.isNaN(sustained) ? best : sustained;
            }
        }
        return Double.isNaN(best) || best < 120 ? Optional.empty() : Optional.of(Sourced.estimated((double) Math.round(best)));
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

    private static double maxRollingMean(double[] v, int window) {
        double best = Double.NaN, sum = 0;
        int count = 0;
        for (int i = 0; i < v.length; i++) {
            if (!Double.isNaN(v[i])) {
                sum += v[i];
                count++;
            }
            if (i >= window && !Double.isNaN(v[i - window])) {
                sum -= v[i - window];
                count--;
            }
            if (i >= window - 1 && count >= window / 2) {
                double m = sum / count;
                best = Double.isNaN(best) ? m : Math.max(best, m);
            }
        }
        return best;
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
