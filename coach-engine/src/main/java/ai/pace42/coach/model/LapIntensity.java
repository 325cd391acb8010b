package ai.pace42.coach.model;

/** What the device said a lap was for; {@link #UNKNOWN} when it did not say (auto-laps, manual laps). */
public enum LapIntensity {
    ACTIVE, REST, WARMUP, COOLDOWN, UNKNOWN;

    public boolean isWork() {
        return this == ACTIVE;
    }
}
