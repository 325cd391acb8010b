package ai.pace42.coach.analysis;

/** One work repetition; HR values are NaN without reliable HR. */
public record Rep(int index, double startS, double durationS, double distanceM, double avgHr, double peakHr) {

    public double speed() {
        return durationS > 0 ? distanceM / durationS : Double.NaN;
    }
}
