package ai.pace42.coach.analysis;

/** What kind of session a run was; every comment on a run depends on this (§4.2). */
public enum SessionType {
    RACE("race", true, false),
    INTERVALS("interval session", true, false),
    TEMPO("tempo/threshold run", true, true),
    PROGRESSION("progression run", true, false),
    LONG("long run", false, true),
    RECOVERY("recovery run", false, true),
    EASY("easy run", false, true),
    MODERATE("moderate (grey-zone) run", false, true),
    /** Even running whose effort cannot be judged: no profile, history or usable heart rate to compare it with. */
    STEADY("steady run", false, true),
    /** Under the minimum (5 min, 500 m) at which a session type means anything. */
    TOO_SHORT("activity too short to analyse", false, false),
    /** Recorded as (or not marked as anything but) a run, yet moving at walking or riding speed. */
    OTHER_SPORT("activity that does not look like a run", false, false),
    UNKNOWN("run", false, false);

    private final String label;
    private final boolean quality;
    private final boolean steady;

    SessionType(String label, boolean quality, boolean steady) {
        this.label = label;
        this.quality = quality;
        this.steady = steady;
    }

    public String label() {
        return label;
    }

    /** A key workout that needs ≥48 h before the next one. */
    public boolean quality() {
        return quality;
    }

    /** Steady-state sessions, the only ones where decoupling and pace variability mean anything. */
    public boolean steady() {
        return steady;
    }

    /** Moderate-to-hard days, counted when looking for stacked intensity. */
    public boolean hard() {
        return quality || this == MODERATE;
    }
}
