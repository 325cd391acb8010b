package ai.pace42.coach.plan;

/** The four blocks a plan is cut into backwards from the race date (coaching-science §5.2). */
public enum Phase {
    BASE("base"), BUILD("build"), PEAK("peak"), TAPER("taper");

    private final String label;

    Phase(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
