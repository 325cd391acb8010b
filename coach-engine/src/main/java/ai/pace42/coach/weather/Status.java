package ai.pace42.coach.weather;

/** How an hour (or one factor of it) is for running, mildest first. */
public enum Status {
    OK("good"),
    NOTE("good, with a note"),
    WET("wet"),
    ADJUST("warm: slow down"),
    CAUTION("caution"),
    INDOORS_OR_EASY("poor air: indoors or easy"),
    NO_HARD_RUNNING("too hot for hard running"),
    DONT_RUN("don't run outdoors");

    private final String label;

    Status(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
