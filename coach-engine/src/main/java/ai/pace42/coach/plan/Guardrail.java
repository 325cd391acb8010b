package ai.pace42.coach.plan;

/**
 * The hard rules every plan obeys, whatever asks for a change (coaching-science §3.17, §5.3, §5.5). Values are
 * constants, not configuration: nothing, including the LLM layer or an adaptation, may loosen them. One reading
 * is specific to adaptations that only make weeks lighter (sore legs, blackout days, travel): the week after a
 * lightened one may rise more than 10 % over it (never above what the runner already agreed to, and never above
 * {@link #RAMP_BLOCK}), and a lightened week may stand in for a cut-back or a taper week's quality; every other rule
 * holds as for a new plan.
 */
public enum Guardrail {
    /** No run longer than 110% of the longest run in the 30 days before it (Frandsen 2025). */
    LONG_RUN_SPIKE,
    /** At most two quality sessions a week (non-advanced runners). */
    QUALITY_PER_WEEK,
    /** At least 48 hours between hard days (quality, long run, race). */
    HARD_DAY_SPACING,
    /** A week at most 10% above the week before (after a cut-back: above the week before the cut-back). */
    WEEKLY_RAMP,
    /** At most three loading weeks in a row: then a cut-back week at least 10% lighter. */
    CUT_BACK,
    /** Taper: volume falls every week to 40–60% of the peak in race week; quality kept until race week. */
    TAPER,
    /** At least one rest day a week. */
    REST_DAY;

    public static final double SPIKE_FACTOR = 1.10;
    /** Without any run in the last 30 days the first runs are 20–30 minutes (§5.4): 30 minutes at easy pace. */
    public static final double NO_BASELINE_RUN_S = 30 * 60;
    /** Without a pace to convert 30 minutes, the no-baseline run is this long. */
    public static final double NO_BASELINE_RUN_M = 4_000;
    public static final int MAX_QUALITY = 2;
    public static final int MIN_HARD_DAY_GAP_DAYS = 2;
    public static final double MAX_WEEKLY_RAMP = 0.10;
    /** Nielsen 2014: block a week more than 30% above the weeks before (§5.5); 10% is where pace42 plans stop. */
    public static final double RAMP_BLOCK = 0.30;
    public static final int MAX_LOADING_WEEKS = 3;
    public static final double CUT_BACK_MAX_SHARE = 0.90;
    public static final double TAPER_MIN_SHARE = 0.40;
    public static final double TAPER_MAX_SHARE = 0.60;
    /** A runner with almost no volume is ramped from this weekly distance (three 20–30-minute runs). */
    public static final double BASELINE_FLOOR_M = 10_000;
}
