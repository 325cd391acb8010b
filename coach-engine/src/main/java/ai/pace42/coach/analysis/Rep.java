package ai.pace42.coach.analysis;

/**
 * One work repetition; HR values are NaN without reliable HR.
 *
 * @param hrDrop60s how far HR fell in the first 60 s after the rep (recovery speed); NaN when unknown
 */
public record Rep(int index, double startS, double durationS, double distanceM, double avgHr, double peakHr,
                  double hrDrop60s) {

    public double speed() {
        return durationS > 0 ? distanceM / durationS : Double.NaN;
    }
}
