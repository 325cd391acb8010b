package ai.pace42.coach.analysis;

/** Findings about how the session was executed relative to its purpose and the days around it. */
public enum SessionFinding {
    INTENSITY_MISMATCH("intensity mismatch: planned easy, run harder"),
    BACK_TO_BACK_HARD("back-to-back hard days"),
    FAST_START("went out more than 3% faster than the average pace"),
    POSITIVE_SPLIT_FADE("second half more than 5% slower than the first");

    private final String description;

    SessionFinding(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
