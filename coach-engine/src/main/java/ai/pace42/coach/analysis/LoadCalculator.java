package ai.pace42.coach.analysis;

import ai.pace42.coach.model.Sex;

/**
 * HR-based load (per-sample Banister TRIMP normalised to an hour at LTHR: HRSS) when HR is reliable, otherwise
 * pace-based rTSS from normalised grade-adjusted speed (§3.1, §3.3, §3.4).
 */
public final class LoadCalculator {

    private LoadCalculator() {
    }

    /** Banister TRIMP coefficients a and b for the sex. */
    static double[] coefficients(Sex sex) {
        return sex == Sex.FEMALE ? new double[] {0.86, 1.67} : new double[] {0.64, 1.92};
    }

    /** TRIMP of minutes at a constant heart-rate-reserve fraction. */
    public static double trimp(double minutes, double hrReserveFraction, Sex sex) {
        double[] c = coefficients(sex);
        double x = Math.max(0, Math.min(1, hrReserveFraction));
        return minutes * x * c[0] * Math.exp(c[1] * x);
    }

    public static Load of(RunStreams s, DataQuality q, Thresholds th, double[] gapSpeeds) {
        if (q.hrReliable() && th.maxHr().isPresent()) {
            double max = th.maxHr().get().value(), rest = th.restingHr().value();
            Sex sex = th.sex().value();
            double[] c = coefficients(sex);
            double total = 0;
            for (int i = 0; i < s.n; i++) {
                double h = s.hr[i];
                if (s.dt[i] <= 0 || Double.isNaN(h) || h <= rest) {
                    continue;
                }
                double x = Math.min(1, (h - rest) / (max - rest));
                total += s.dt[i] / 60.0 * x * c[0] * Math.exp(c[1] * x);
            }
            double lthr = th.effectiveLthr().orElse(rest + 0.85 * (max - rest));
            double hour = trimp(60, (lthr - rest) / (max - rest), sex);
            String note = th.sexIsDefault() ? "male TRIMP coefficients used because sex is not set" : "";
            return new Load(100 * total / hour, LoadMethod.HEART_RATE, total, note);
        }
        String why = q.has(QualityFlag.HR_LOCKED_TO_CADENCE) ? "heart rate looked locked to cadence"
                : q.hrReliable() ? "maximum heart rate is unknown" : "no reliable heart rate";
        if (s.hasSpeed && th.effectiveThresholdSpeed().isPresent()) {
            double ngs = normalisedSpeed(s, gapSpeeds);
            double intensity = ngs / th.effectiveThresholdSpeed().get();
            double hours = s.movingSeconds() / 3600.0;
            return new Load(hours * intensity * intensity * 100, LoadMethod.PACE, Double.NaN,
                    "estimated from pace because " + why);
        }
        return Load.none("load unknown: " + why + " and no threshold pace");
    }

    /**
     * Load of a run known only by its summary (a Garmin list item, a partner push): Banister TRIMP from the
     * average heart rate over the moving time, else rTSS from the average pace. Coarser than per-second load (a
     * steady run comes out the same, an interval session somewhat lower), but it keeps every run in the fitness
     * trend without fetching its samples.
     */
    public static Load ofSummary(java.util.OptionalDouble averageHr, double movingS, double distanceM, Thresholds th) {
        if (!(movingS > 0)) {
            return Load.none("load unknown: no moving time");
        }
        if (averageHr.isPresent() && th.maxHr().isPresent()) {
            double max = th.maxHr().get().value(), rest = th.restingHr().value();
            Sex sex = th.sex().value();
            double x = (averageHr.getAsDouble() - rest) / (max - rest);
            double lthr = th.effectiveLthr().orElse(rest + 0.85 * (max - rest));
            double total = trimp(movingS / 60.0, x, sex);
            double hour = trimp(60, (lthr - rest) / (max - rest), sex);
            return new Load(100 * total / hour, LoadMethod.AVERAGE_HEART_RATE, total,
                    "from the summary: per-second data was not loaded");
        }
        if (distanceM > 0 && th.effectiveThresholdSpeed().isPresent()) {
            double intensity = distanceM / movingS / th.effectiveThresholdSpeed().get();
            return new Load(movingS / 3600.0 * intensity * intensity * 100, LoadMethod.PACE, Double.NaN,
                    "estimated from the average pace of the summary");
        }
        return Load.none(averageHr.isPresent() || distanceM > 0
                ? "load unknown: it needs your maximum heart rate or threshold pace, which one summary cannot give"
                : "load unknown: the summary has neither heart rate nor pace");
    }

    /** 30-second rolling mean of grade-adjusted speed, then the 4th-power mean (like Normalised Power). */
    static double normalisedSpeed(RunStreams s, double[] gapSpeeds) {
        double[] rolling = IntervalAnalysis.smooth(gapSpeeds, 15);
        double sum = 0, w = 0;
        for (int i = 0; i < s.n; i++) {
            double v = rolling[i];
            if (s.dt[i] > 0 && !Double.isNaN(v)) {
                sum += v * v * v * v * s.dt[i];
                w += s.dt[i];
            }
        }
        return w > 0 ? Math.pow(sum / w, 0.25) : 0;
    }
}
