package ai.pace42.coach.plan;

/** What a planned day is for. Quality sessions are the ones the intensity guardrails count. */
public enum SessionKind {
    EASY("easy run", false),
    LONG("long run", false),
    THRESHOLD("threshold run", true),
    INTERVALS("intervals", true),
    REPETITIONS("repetitions", true),
    MARATHON_PACE("marathon-pace run", true),
    RACE("race", false);

    private final String label;
    private final boolean quality;

    SessionKind(String label, boolean quality) {
        this.label = label;
        this.quality = quality;
    }

    public String label() {
        return label;
    }

    public boolean quality() {
        return quality;
    }

    /** Quality sessions, the long run and the race all need easy days around them. */
    public boolean hard() {
        return quality || this == LONG || this == RACE;
    }
}
