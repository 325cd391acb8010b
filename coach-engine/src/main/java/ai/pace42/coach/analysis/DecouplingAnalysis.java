package ai.pace42.coach.analysis;

/** Aerobic decoupling and efficiency factor over the steady part of a run (§3.8–3.9). */
public final class DecouplingAnalysis {

    /** Decoupling needs a steady run of at least this long to mean anything. */
    static final double MIN_STEADY_S = 40 * 60;
    /** Longest warm-up we skip while HR is still ramping. */
    static final double MAX_WARMUP_S = 10 * 60;

    private DecouplingAnalysis() {
    }

    public static Measured<Decoupling> of(RunStreams s, DataQuality q, SessionType type, double[] gapSpeeds) {
        if (!type.steady()) {
            return Measured.unknown("decoupling is not meaningful for this kind of session (" + type.label() + ")");
        }
        if (!q.hrReliable()) {
            return Measured.unknown("heart rate is missing or unreliable on this run");
        }
        if (!s.hasSpeed) {
            return Measured.unknown("no pace data on this run");
        }
        if (s.movingSeconds() < MIN_STEADY_S) {
            return Measured.unknown("the run was shorter than 40 minutes");
        }
        double warmup = warmupEnd(s);
        double span = s.movingSeconds() - warmup;
        int a = s.indexAtMovingTime(warmup);
        int mid = s.indexAtMovingTime(warmup + span / 2);
        double v1 = s.weightedMean(gapSpeeds, a, mid), v2 = s.weightedMean(gapSpeeds, mid, s.n);
        double h1 = s.weightedMean(s.hr, a, mid), h2 = s.weightedMean(s.hr, mid, s.n);
        if (Double.isNaN(v1 + v2 + h1 + h2) || h1 <= 0 || h2 <= 0) {
            return Measured.unknown("not enough steady data in both halves");
        }
        double ef1 = v1 * 60 / h1, ef2 = v2 * 60 / h2;
        return Measured.of(new Decoupling(ef1, ef2, (ef1 - ef2) / ef1 * 100, h1, h2, warmup));
    }

    /**
     * Moving time at which HR first comes within 8 bpm of its settled level (the median between minutes 10 and
     * 20): before that the heart is still catching up with the pace, which would fake a well-coupled first half.
     * Capped at 10 minutes.
     */
    static double warmupEnd(RunStreams s) {
        int from = s.indexAtMovingTime(MAX_WARMUP_S), to = s.indexAtMovingTime(2 * MAX_WARMUP_S);
        double[] window = new double[Math.max(0, to - from)];
        int c = 0;
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(s.hr[i])) {
                window[c++] = s.hr[i];
            }
        }
        if (c == 0) {
            return 0;
        }
        java.util.Arrays.sort(window, 0, c);
        double target = window[c / 2] - 8;
        for (int i = 0; i < s.n; i++) {
            if (s.movingTime[i] > MAX_WARMUP_S) {
                return MAX_WARMUP_S;
            }
            if (!Double.isNaN(s.hr[i]) && s.hr[i] >= target) {
                return s.movingTime[i];
            }
        }
        return 0;
    }

    /** Whole-run efficiency factor, m/min per bpm; NaN without reliable HR or pace. */
    public static double efficiencyFactor(RunStreams s, DataQuality q, double[] gapSpeeds) {
        if (!q.hrReliable() || !s.hasSpeed) {
            return Double.NaN;
        }
        double v = s.weightedMean(gapSpeeds, 0, s.n), h = s.weightedMean(s.hr, 0, s.n);
        return v * 60 / h;
    }
}
