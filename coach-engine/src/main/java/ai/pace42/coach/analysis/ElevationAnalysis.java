package ai.pace42.coach.analysis;

/** Grades from smoothed altitude over distance, ascent/descent and grade-adjusted speed (§3.11, §4.7). */
public final class ElevationAnalysis {

    /** Half-width of the distance window used to difference altitude: smooths barometric noise. */
    static final double GRADE_HALF_WINDOW_M = 25;
    /** Ascent counts only past this hysteresis (GPS and barometer noise is a few metres), so noise does not add up. */
    static final double ASCENT_HYSTERESIS_M = 4;

    private ElevationAnalysis() {
    }

    /** Per-sample grade (decimal); 0 where it cannot be computed. */
    public static double[] grades(RunStreams s) {
        double[] g = new double[s.n];
        if (!s.hasAltitude || Double.isNaN(s.totalDistance())) {
            return g;
        }
        // The least-squares slope of altitude over distance in the window, not the difference of its two end
        // samples: GPS and barometric noise of a metre or two at an end would otherwise read as a grade of a few
        // per cent on flat ground and bias the grade-adjusted pace. Prefix sums keep it linear.
        double[] n = new double[s.n + 1], sd = new double[s.n + 1], sa = new double[s.n + 1];
        double[] sdd = new double[s.n + 1], sda = new double[s.n + 1];
        for (int i = 0; i < s.n; i++) {
            double d = s.distance[i], a = s.altitude[i];
            boolean ok = !Double.isNaN(d) && !Double.isNaN(a);
            n[i + 1] = n[i] + (ok ? 1 : 0);
            sd[i + 1] = sd[i] + (ok ? d : 0);
            sa[i + 1] = sa[i] + (ok ? a : 0);
            sdd[i + 1] = sdd[i] + (ok ? d * d : 0);
            sda[i + 1] = sda[i] + (ok ? d * a : 0);
        }
        int lo = 0, hi = 0;
        for (int i = 0; i < s.n; i++) {
            double d = s.distance[i];
            while (lo < i && s.distance[lo] < d - GRADE_HALF_WINDOW_M) {
                lo++;
            }
            if (hi < i) {
                hi = i;
            }
            while (hi + 1 < s.n && s.distance[hi + 1] <= d + GRADE_HALF_WINDOW_M) {
                hi++;
            }
            double dd = s.distance[hi] - s.distance[lo];
            double count = n[hi + 1] - n[lo];
            if (dd >= 10 && count >= 2) {
                double meanD = (sd[hi + 1] - sd[lo]) / count, meanA = (sa[hi + 1] - sa[lo]) / count;
                double varD = (sdd[hi + 1] - sdd[lo]) / count - meanD * meanD;
                double cov = (sda[hi + 1] - sda[lo]) / count - meanD * meanA;
                if (varD > 1e-6) {
                    g[i] = Math.max(-0.45, Math.min(0.45, cov / varD));
                }
            }
        }
        return g;
    }

    /** Speeds adjusted by the grade factor; the raw speeds when no grades are available. */
    public static double[] gradeAdjustedSpeeds(RunStreams s, double[] grades) {
        double[] out = new double[s.n];
        for (int i = 0; i < s.n; i++) {
            out[i] = s.speed[i] * GradeAdjustment.factor(grades[i]);
        }
        return out;
    }

    public static Measured<Elevation> of(RunStreams s, DataQuality q, double[] grades, double[] gapSpeeds) {
        if (!q.altitudeUsable()) {
            return Measured.unknown("no usable altitude on this run");
        }
        if (!s.hasSpeed) {
            return Measured.unknown("no pace data to grade-adjust");
        }
        double up = 0, down = 0;
        double anchor = Double.NaN;
        for (int i = 0; i < s.n; i++) {
            double a = s.altitude[i];
            if (Double.isNaN(a)) {
                continue;
            }
            if (Double.isNaN(anchor)) {
                anchor = a;
            } else if (a - anchor >= ASCENT_HYSTERESIS_M) {
                up += a - anchor;
                anchor = a;
            } else if (anchor - a >= ASCENT_HYSTERESIS_M) {
                down += anchor - a;
                anchor = a;
            }
        }
        double km = s.totalDistance() / 1000.0;
        return Measured.of(new Elevation(up, down, km > 0 ? up / km : 0,
                s.weightedMean(s.speed, 0, s.n), s.weightedMean(gapSpeeds, 0, s.n)));
    }
}
