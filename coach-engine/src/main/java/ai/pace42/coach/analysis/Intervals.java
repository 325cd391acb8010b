package ai.pace42.coach.analysis;

import java.util.List;

/**
 * Work repetitions of an interval session. repPaceCv: &lt;2% excellent, 2–4% good, &gt;5% fading;
 * lastVsFirstPct: how much slower (positive) the last rep was than the first.
 *
 * @param fromLaps true when reps came from device lap intensity, false when detected from the speed structure
 */
public record Intervals(boolean fromLaps, List<Rep> reps, List<Double> recoveriesS, double repPaceCv,
                        double lastVsFirstPct) {

    public Intervals {
        reps = List.copyOf(reps);
        recoveriesS = List.copyOf(recoveriesS);
    }

    public double meanRepSpeed() {
        double d = 0, t = 0;
        for (Rep r : reps) {
            d += r.distanceM();
            t += r.durationS();
        }
        return t > 0 ? d / t : Double.NaN;
    }

    /** Mean HR drop in the first minute after the reps that have one (NaN when none has). */
    public double meanHrDrop60s() {
        return reps.stream().mapToDouble(Rep::hrDrop60s).filter(d -> !Double.isNaN(d)).average().orElse(Double.NaN);
    }

    public String consistency() {
        return repPaceCv < 0.02 ? "excellent" : repPaceCv <= 0.04 ? "good" : repPaceCv <= 0.05 ? "fair" : "fading";
    }
}
