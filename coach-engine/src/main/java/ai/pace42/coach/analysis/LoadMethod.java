package ai.pace42.coach.analysis;

/** How a run's training load was computed, so answers can say which currency it is in. */
public enum LoadMethod {
    HEART_RATE("HRSS from per-second heart rate (Banister TRIMP, 100 = one hour at threshold)"),
    AVERAGE_HEART_RATE("HRSS from the run's average heart rate (Banister TRIMP, 100 = one hour at threshold)"),
    PACE("pace-based load (rTSS from grade-adjusted pace, 100 = one hour at threshold pace)"),
    NONE("no load: neither reliable heart rate nor pace");

    private final String description;

    LoadMethod(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
