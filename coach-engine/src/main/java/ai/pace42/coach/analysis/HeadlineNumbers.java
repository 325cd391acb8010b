package ai.pace42.coach.analysis;

import ai.pace42.coach.model.Activity;

/**
 * The few numbers a runner compares with their watch: duration, distance, average pace, climb and maximum heart
 * rate. The device's own totals win over values rebuilt from (often downsampled) samples, so an answer says what
 * the watch and Garmin Connect say, and every answer about a run uses the same duration.
 */
final class HeadlineNumbers {

    private HeadlineNumbers() {
    }

    /** The device's moving (timer) time; the samples' moving time only when the device reported none. */
    static double movingSeconds(Activity a, RunStreams s) {
        if (a.movingS().orElse(0) > 0) {
            return a.movingS().getAsDouble();
        }
        // No samples and no recorded times: nothing is known to have moved. Zero (as the classifier reads it),
        // not NaN, which would spread into weekly totals and the history of prior runs.
        return s.n > 0 && s.movingSeconds() > 0 ? s.movingSeconds() : a.elapsedS().orElse(0);
    }

    static double distanceMetres(Activity a, RunStreams s) {
        if (a.distanceM().orElse(0) > 0) {
            return a.distanceM().getAsDouble();
        }
        return s.n > 0 ? s.totalDistance() : Double.NaN;
    }

    /** The device's average (over its timer time, as the watch shows it), else the samples' time-weighted mean. */
    static double averageHr(Activity a, double fromSamples) {
        double device = a.summary().averageHeartRate().orElse(Double.NaN);
        return device > 0 ? device : fromSamples;
    }

    /** The highest heart rate seen: the samples' peak or the device's recorded maximum, whichever is higher. */
    static double maxHr(Activity a, double[] hr) {
        double m = a.summary().maxHeartRate().orElse(Double.NaN);
        for (double x : hr) {
            if (!Double.isNaN(x) && !(x <= m)) {
                m = x;
            }
        }
        return m;
    }

    /**
     * Climb as the device measured it (barometric, corrected by Garmin) when the summary has it; the samples'
     * hysteresis estimate otherwise. Raw and grade-adjusted pace are put on the headline pace's scale, so "raw
     * pace" is the pace the runner saw and the ratio between the two is kept.
     */
    static Measured<Elevation> climb(Activity a, Measured<Elevation> fromSamples, Measured<Double> headlineSpeed) {
        if (!fromSamples.isKnown()) {
            return fromSamples;
        }
        Elevation e = fromSamples.get();
        double ascent = a.summary().totalAscentM().orElse(e.ascentM());
        double descent = a.summary().totalDescentM().orElse(e.descentM());
        double km = a.distanceM().orElse(Double.NaN) / 1000.0;
        double perKm = km > 0 ? ascent / km : e.ascentM() > 0 ? e.gainPerKm() * ascent / e.ascentM() : e.gainPerKm();
        double raw = e.rawSpeed(), gap = e.gradeAdjustedSpeed();
        if (headlineSpeed.isKnown() && raw > 0 && gap > 0) {
            gap = headlineSpeed.get() * gap / raw;
            raw = headlineSpeed.get();
        }
        return Measured.of(new Elevation(ascent, descent, perKm, raw, gap));
    }
}
