package ai.pace42.coach.fitness;

/**
 * Single-run distance versus the longest run of the previous 30 days (Frandsen et al. 2025, Garmin-RUNSAFE):
 * spikes, not weekly totals, were associated with overuse injury.
 */
public enum SpikeLevel {
    NONE("within 10% of your 30-day longest"),
    SMALL("a small spike (10–30% over your 30-day longest)"),
    MODERATE("a moderate spike (30–100% over your 30-day longest)"),
    LARGE("a large spike (more than double your 30-day longest)"),
    NO_BASELINE("no run in the previous 30 days to compare with");

    private final String description;

    SpikeLevel(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public static SpikeLevel of(double increasePct) {
        if (Double.isNaN(increasePct)) {
            return NO_BASELINE;
        }
        return increasePct <= 10 ? NONE : increasePct <= 30 ? SMALL : increasePct <= 100 ? MODERATE : LARGE;
    }
}
