package ai.pace42.coach;

/** Distance units a runner reads answers in. */
public enum UnitSystem {
    METRIC("km"),
    IMPERIAL("mi");

    private final String distanceUnit;

    UnitSystem(String distanceUnit) {
        this.distanceUnit = distanceUnit;
    }

    /** The short distance unit, {@code km} or {@code mi}. */
    public String distanceUnit() {
        return distanceUnit;
    }
}
