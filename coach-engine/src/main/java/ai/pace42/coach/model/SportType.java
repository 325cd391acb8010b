package ai.pace42.coach.model;

/** Running sub-types. All of them are runs; the sub-type only tells which signals to expect (e.g. no GPS indoors). */
public enum SportType {
    ROAD, TREADMILL, TRAIL, TRACK, INDOOR, VIRTUAL, UNKNOWN;

    /** Indoor sub-types have no GPS track, so distance comes from a foot pod or the belt and altitude is meaningless. */
    public boolean indoor() {
        return this == TREADMILL || this == INDOOR || this == VIRTUAL;
    }
}
