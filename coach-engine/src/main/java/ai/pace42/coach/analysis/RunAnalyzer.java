package ai.pace42.coach.analysis;

import ai.pace42.coach.UnitSystem;
import ai.pace42.coach.model.Activity;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/** Analyses one run: quality gate first, then classification, then the metrics that make sense for its type. */
public final class RunAnalyzer {

    private RunAnalyzer() {
    }

    public static RunAnalysis analyze(Activity a, Thresholds th, RunContext ctx, UnitSystem units) {
        RunStreams s = RunStreams.of(a);
        DataQuality q = DataQualityGate.assess(a, s, th);
        double[] grades = q.altitudeUsable() ? ElevationAnalysis.grades(s) : new double[s.n];
        double[] gap = ElevationAnalysis.gradeAdjustedSpeeds(s, grades);
        double unit = units == UnitSystem.IMPERIAL ? 1609.344 : 1000;
        Measured<Pacing> pacing = PacingAnalysis.withDeviceLaps(PacingAnalysis.of(s, unit, q.hrReliable()), a.laps(), unit);
        Measured<Intervals> intensityReps = IntervalAnalysis.fromLaps(a.laps(), s, q.hrReliable());
        Measured<Intervals> lapReps = intensityReps.isKnown() ? intensityReps
                : LapStructure.manualLapReps(a.laps(), s, q.hrReliable());
        Measured<Intervals> speedReps = lapReps.isKnown() ? lapReps : IntervalAnalysis.fromSpeed(s, q.hrReliable());
        Classification c = SessionClassifier.classify(a, s, q, th, ctx, pacing, lapReps, speedReps);
        SessionType type = c.type();

        double moving = HeadlineNumbers.movingSeconds(a, s);
        double distance = HeadlineNumbers.distanceMetres(a, s);
        Measured<Double> avgSpeed = distance > 0 && moving > 0 ? Measured.of(distance / moving)
                : s.hasSpeed ? Measured.of(s.weightedMean(s.speed, 0, s.n)) : Measured.unknown("no pace data");
        double meanHr = HeadlineNumbers.averageHr(a, s.weightedMean(s.hr, 0, s.n));
        Measured<Double> avgHr = q.hrReliable() && !Double.isNaN(meanHr) ? Measured.of(meanHr)
                : q.hrReliable() ? Measured.unknown("no moving time with heart rate")
                : summaryHr(a.summary().averageHeartRate(), s, q);
        Measured<Double> maxHr = q.hrReliable() ? Measured.of(HeadlineNumbers.maxHr(a, s.hr))
                : summaryHr(a.summary().maxHeartRate(), s, q);
        Measured<Intervals> intervals = type == SessionType.INTERVALS ? speedReps
                : Measured.unknown("not an interval session");
        double ef = s.n > 0 ? DecouplingAnalysis.efficiencyFactor(s, q, gap) : summaryEfficiency(a, moving, distance);
        Measured<Double> cadence = s.hasCadence && s.weightedMean(s.cadence, 0, s.n) > 0
                ? Measured.of(s.weightedMean(s.cadence, 0, s.n))
                : s.n == 0 && a.summary().averageCadenceSpm().orElse(0) > 0
                ? Measured.of(a.summary().averageCadenceSpm().getAsDouble()) : Measured.unknown("no cadence data");
        // A summary-only run (no samples loaded) still counts in the fitness trend, from its averages.
        Load load = s.n == 0 ? LoadCalculator.ofSummary(a.summary().averageHeartRate(), moving, distance, th)
                : LoadCalculator.of(s, q, th, gap);

        return new RunAnalysis(a, q, c, moving, distance, avgSpeed, avgHr, maxHr, pacing,
                ZoneAnalysis.heartRate(s, q, th), ZoneAnalysis.pace(s, th),
                DecouplingAnalysis.of(s, q, type, gap),
                Double.isNaN(ef) ? Measured.unknown(hrUnknownReason(q)) : Measured.of(ef),
                cadence, HeadlineNumbers.climb(a, ElevationAnalysis.of(s, q, grades, gap), avgSpeed), intervals,
                load, findings(a, s, q, th, ctx, type, pacing),
                a.summary().temperatureC());
    }

    private static Set<SessionFinding> findings(Activity a, RunStreams s, DataQuality q, Thresholds th,
                                                RunContext ctx, SessionType type, Measured<Pacing> pacing) {
        Set<SessionFinding> f = EnumSet.noneOf(SessionFinding.class);
        boolean plannedEasy = a.tags().planned().map(p -> p.matches("(?i).*(easy|recovery).*")).orElse(false);
        boolean ranHard = type.hard() || (q.hrReliable() && th.easyCeilingHr()
                .map(c -> s.weightedMean(s.hr, 0, s.n) > c).orElse(false) && type != SessionType.LONG);
        if (plannedEasy && ranHard) {
            f.add(SessionFinding.INTENSITY_MISMATCH);
        }
        if (ranHard && a.startInstant().flatMap(t -> ctx.hardSessionWithin(t, Duration.ofHours(36))).isPresent()) {
            f.add(SessionFinding.BACK_TO_BACK_HARD);
        }
        if (pacing.isKnown() && (type == SessionType.RACE || type == SessionType.TEMPO)) {
            Pacing p = pacing.get();
            if (p.splitRatio() > 1.05) {
                f.add(SessionFinding.POSITIVE_SPLIT_FADE);
            }
            var full = p.splits().stream().filter(sp -> !sp.partial()).toList();
            int firstN = Math.max(1, (int) Math.round(full.size() * 0.15));
            if (full.size() >= 5) {
                double firstPace = full.subList(0, firstN).stream().mapToDouble(sp -> sp.durationS() / sp.distanceM()).average().orElse(Double.NaN);
                double avgPace = s.movingSeconds() / s.totalDistance();
                if (firstPace < avgPace * 0.97) {
                    f.add(SessionFinding.FAST_START);
                }
            }
        }
        return f;
    }

    private static String hrUnknownReason(DataQuality q) {
        if (q.has(QualityFlag.HR_LOCKED_TO_CADENCE)) {
            return "heart rate looked locked to cadence, so it was excluded";
        }
        if (q.has(QualityFlag.NO_SAMPLES)) {
            return "no per-second data";
        }
        return q.has(QualityFlag.NO_HEART_RATE) ? "no heart-rate data" : "heart rate unreliable";
    }

    /** A run without samples still has the device's average and maximum from its summary. */
    private static Measured<Double> summaryHr(java.util.OptionalDouble fromSummary, RunStreams s, DataQuality q) {
        return s.n == 0 && fromSummary.isPresent() ? Measured.of(fromSummary.getAsDouble())
                : Measured.unknown(hrUnknownReason(q));
    }

    /** Efficiency factor of a summary-only run: average speed (m/min) per beat of its average heart rate. */
    private static double summaryEfficiency(Activity a, double movingS, double distanceM) {
        double hr = a.summary().averageHeartRate().orElse(Double.NaN);
        return movingS > 0 && distanceM > 0 && hr > 0 ? distanceM / movingS * 60 / hr : Double.NaN;
    }
}
