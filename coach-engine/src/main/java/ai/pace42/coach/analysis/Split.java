package ai.pace42.coach.analysis;

/** One km or mile split; {@code partial} for the short last one. avgHr is NaN without reliable HR. */
public record Split(int index, double distanceM, double durationS, double avgHr, boolean partial) {

    public double speed() {
        return durationS > 0 ? distanceM / durationS : Double.NaN;
    }
}
