package ai.pace42.coach.fitness;

/** The kinds of session the advisor prescribes. */
public enum NextSession {
    REST_OR_EASY("rest or an easy run"),
    EASY("easy run"),
    RETURN_EASY("easy comeback run"),
    LONG("long run"),
    TEMPO("threshold (tempo) session"),
    INTERVALS("interval session");

    private final String label;

    NextSession(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean quality() {
        return this == TEMPO || this == INTERVALS;
    }
}
