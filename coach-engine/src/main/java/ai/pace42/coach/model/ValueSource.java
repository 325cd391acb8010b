package ai.pace42.coach.model;

/** Where a profile value came from, so answers can say how much to trust it. */
public enum ValueSource {
    USER_SET("set by you"),
    ESTIMATED("estimated from your runs"),
    DEFAULT("a default"),
    /** From the runner's birth year by a population formula; individuals differ by about ±10 bpm. */
    AGE_FORMULA("estimated from your age, ±10 bpm");

    private final String phrase;

    ValueSource(String phrase) {
        this.phrase = phrase;
    }

    /** Short phrase for answers, e.g. "estimated from your runs". */
    public String phrase() {
        return phrase;
    }
}
