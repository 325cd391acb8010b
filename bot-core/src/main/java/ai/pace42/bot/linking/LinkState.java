package ai.pace42.bot.linking;

/** Where a one-time link stands. Only {@link #ACTIVE} links can be used. */
public enum LinkState {
    ACTIVE,
    /** Completed once; it never works again. */
    USED,
    /** A newer link for the same identity took its place. */
    REPLACED,
    /** Its minutes ran out before it was used. */
    EXPIRED,
    /** Not a link we issued (or a mangled one). */
    UNKNOWN
}
