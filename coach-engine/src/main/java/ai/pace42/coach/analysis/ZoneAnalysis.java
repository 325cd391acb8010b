package ai.pace42.coach.analysis;

import java.util.ArrayList;
import java.util.List;

/** Time in Friel HR zones (by LTHR) and in Daniels pace zones (by VDOT), kept as separate evidence (§3.14–3.15). */
public final class ZoneAnalysis {

    /** Friel running zone edges as fractions of LTHR: Z1 < 85, Z2 85–89, Z3 90–94, Z4 95–99, Z5 ≥ 100. */
    static final double[] FRIEL_EDGES = {0.85, 0.90, 0.95, 1.00};
    static final String[] FRIEL_NAMES = {"Z1 recovery", "Z2 aerobic", "Z3 tempo", "Z4 threshold", "Z5 above threshold"};

    private ZoneAnalysis() {
    }

    public static Measured<ZoneDistribution> heartRate(RunStreams s, DataQuality q, Thresholds th) {
        if (!q.hrReliable()) {
            return Measured.unknown("heart rate is missing or unreliable on this run");
        }
        var lthr = th.effectiveLthr();
        if (lthr.isEmpty()) {
            return Measured.unknown("HR zones need your threshold or maximum heart rate");
        }
        double[] edges = new double[FRIEL_EDGES.length];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = FRIEL_EDGES[i] * lthr.get();
        }
        return Measured.of(new ZoneDistribution("Friel HR zones (% of LTHR)", bucket(s.hr, s.dt, edges, FRIEL_NAMES, true)));
    }

    public static Measured<ZoneDistribution> pace(RunStreams s, Thresholds th) {
        if (!s.hasSpeed) {
            return Measured.unknown("no pace data on this run");
        }
        var paces = th.paces();
        if (paces.isEmpty()) {
            return Measured.unknown("pace zones need a VDOT from a race or a hard effort");
        }
        TrainingPaces p = paces.get();
        double[] edges = {
                (p.easyFastSpeed() + p.marathonSpeed()) / 2,
                (p.marathonSpeed() + p.thresholdSpeed()) / 2,
                (p.thresholdSpeed() + p.intervalSpeed()) / 2,
                (p.intervalSpeed() + p.repetitionSpeed()) / 2};
        String[] names = {"E easy", "M marathon", "T threshold", "I interval", "R repetition"};
        return Measured.of(new ZoneDistribution("Daniels pace zones", bucket(s.speed, s.dt, edges, names, false)));
    }

    private static List<ZoneTime> bucket(double[] values, double[] dt, double[] edges, String[] names, boolean hr) {
        double[] secs = new double[names.length];
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (dt[i] <= 0 || Double.isNaN(v) || (hr && v <= 0)) {
                continue;
            }
            int z = 0;
            while (z < edges.length && v >= edges[z]) {
                z++;
            }
            secs[z] += dt[i];
        }
        List<ZoneTime> out = new ArrayList<>();
        for (int z = 0; z < names.length; z++) {
            double lo = z == 0 ? 0 : edges[z - 1];
            double hi = z == edges.length ? Double.POSITIVE_INFINITY : edges[z];
            out.add(new ZoneTime(names[z], lo, hi, secs[z]));
        }
        return out;
    }
}
