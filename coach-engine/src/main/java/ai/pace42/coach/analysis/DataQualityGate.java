package ai.pace42.coach.analysis;

import ai.pace42.coach.model.Activity;

import java.util.EnumSet;
import java.util.Set;

/** Runs before any metric: decides which signals can be trusted (reference §4.1). */
public final class DataQualityGate {

    /** |HR − cadence| within this many units counts as "locked". */
    static final double LOCK_TOLERANCE = 3;
    /** A run this hot gets a heat flag: HR drifts more in heat. */
    static final double HOT_C = 25;
    /** An exactly constant HR for this long is a dead sensor, not a steady heart. */
    static final double FLATLINE_S = 300;

    private DataQualityGate() {
    }

    public static DataQuality assess(Activity activity, RunStreams s, Thresholds th) {
        Set<QualityFlag> flags = EnumSet.noneOf(QualityFlag.class);
        if (s.n == 0) {
            flags.add(QualityFlag.NO_SAMPLES);
        }
        activity.summary().temperatureC().ifPresent(t -> {
            if (t >= HOT_C) {
                flags.add(QualityFlag.HOT);
            }
        });
        if (s.n == 0) {
            return new DataQuality(flags, false, activity.distanceM().isPresent(), false, 0);
        }
        boolean hrOk = s.hasHr && countPresent(s.hr) > s.n / 2;
        double locked = 0;
        if (!s.hasHr || !hrOk) {
            flags.add(QualityFlag.NO_HEART_RATE);
        } else {
            double max = th.maxHr().map(m -> m.value()).orElse(Double.NaN);
            int above = 0, jumps = 0;
            for (int i = 0; i < s.n; i++) {
                double h = s.hr[i];
                if (!Double.isNaN(max) && h > max + 5) {
                    above++;
                }
                if (i > 0 && s.time[i] - s.time[i - 1] <= 2 && Math.abs(h - s.hr[i - 1]) > 25) {
                    jumps++;
                }
            }
            if (above > s.n * 0.01) {
                flags.add(QualityFlag.HR_ABOVE_MAX);
            }
            if (jumps >= 3) {
                flags.add(QualityFlag.HR_JUMPS);
            }
            if (longestFlatHr(s) >= FLATLINE_S) {
                flags.add(QualityFlag.HR_FLATLINE);
            }
            locked = s.hasCadence ? lockedFraction(s) : 0;
            if (locked > 0.5 && (variationsTrackCadence(s) || paceLooksEasy(s, th))) {
                flags.add(QualityFlag.HR_LOCKED_TO_CADENCE);
            }
            hrOk = !flags.contains(QualityFlag.HR_LOCKED_TO_CADENCE) && !flags.contains(QualityFlag.HR_FLATLINE)
                    && above <= s.n * 0.05;
        }
        if (!activity.samples().hasPosition()) {
            flags.add(QualityFlag.NO_GPS);
        }
        if (s.gpsSpikes > 0) {
            flags.add(QualityFlag.GPS_SPIKES);
        }
        boolean altitudeOk = s.hasAltitude && !activity.sport().indoor() && countPresent(s.altitude) > s.n / 2;
        if (!altitudeOk) {
            flags.add(QualityFlag.NO_ALTITUDE);
        }
        if (s.pausedS > 30) {
            flags.add(QualityFlag.PAUSED);
        }
        return new DataQuality(flags, hrOk, s.hasSpeed, altitudeOk, locked);
    }

    private static int countPresent(double[] column) {
        int c = 0;
        for (double v : column) {
            if (!Double.isNaN(v) && v > 0) {
                c++;
            }
        }
        return c;
    }

    /** Longest moving time over which HR did not change by even one beat. */
    static double longestFlatHr(RunStreams s) {
        double best = 0, run = 0;
        for (int i = 1; i < s.n; i++) {
            if (!Double.isNaN(s.hr[i]) && s.hr[i] == s.hr[i - 1]) {
                run += s.dt[i];
                best = Math.max(best, run);
            } else {
                run = 0;
            }
        }
        return best;
    }

    /** Share of moving time with HR within a few beats of the step rate; the lock usually starts after minute 2. */
    private static double lockedFraction(RunStreams s) {
        double locked = 0, total = 0;
        for (int i = 0; i < s.n; i++) {
            if (s.dt[i] <= 0 || Double.isNaN(s.hr[i]) || Double.isNaN(s.cadence[i]) || s.cadence[i] <= 0) {
                continue;
            }
            total += s.dt[i];
            if (Math.abs(s.hr[i] - s.cadence[i]) <= LOCK_TOLERANCE) {
                locked += s.dt[i];
            }
        }
        return total > 0 ? locked / total : 0;
    }

    /**
     * A lock at a clearly easy pace is an artefact: at an easy pace HR sits far below the step rate. Near race
     * effort HR can legitimately be close to the step rate, so there we rely on {@link #variationsTrackCadence}.
     */
    private static boolean paceLooksEasy(RunStreams s, Thresholds th) {
        double v = s.weightedMean(s.speed, 0, s.n);
        if (Double.isNaN(v)) {
            return false;
        }
        return th.paces().map(p -> v < p.easyFastSpeed()).orElse(false);
    }

    /**
     * A sensor locked onto the arm swing copies the cadence's second-to-second changes; a real heart does not.
     * Correlation of first differences above 0.4 over locked samples.
     */
    static boolean variationsTrackCadence(RunStreams s) {
        double sxy = 0, sxx = 0, syy = 0;
        int c = 0;
        for (int i = 1; i < s.n; i++) {
            double dh = s.hr[i] - s.hr[i - 1], dc = s.cadence[i] - s.cadence[i - 1];
            if (Double.isNaN(dh) || Double.isNaN(dc) || Math.abs(s.hr[i] - s.cadence[i]) > LOCK_TOLERANCE) {
                continue;
            }
            sxy += dh * dc;
            sxx += dc * dc;
            syy += dh * dh;
            c++;
        }
        return c > 60 && sxx > 0 && syy > 0 && sxy / Math.sqrt(sxx * syy) > 0.4;
    }
}
