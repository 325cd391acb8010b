package ai.pace42.bot.data;

/**
 * The verdict of the last credential check of a linked service (Garmin): the link works, its tokens are no longer
 * accepted, or the runner withdrew pace42's permission at the service. A check that could not decide (Garmin
 * down, rate-limited) gives no verdict and leaves the last one standing.
 */
public enum LinkHealth {
    HEALTHY("healthy", ""),
    NEEDS_RELINK("needs_relink", "Garmin no longer accepts your link, so I can't fetch new runs. "
            + "Send /link to reconnect (GARMIN_RELINK_REQUIRED)."),
    PERMISSION_REMOVED("permission_removed", "Garmin says pace42 no longer has permission to read your "
            + "activities. Send /link to reconnect and allow access (GARMIN_ACCESS_DENIED).");

    private final String column;
    private final String notice;

    LinkHealth(String column, String notice) {
        this.column = column;
        this.notice = notice;
    }

    public String column() {
        return column;
    }

    /** What the runner is told once when the link turns to this state; empty for a healthy link. */
    public String notice() {
        return notice;
    }

    public static LinkHealth fromColumn(String column) {
        for (LinkHealth h : values()) {
            if (h.column.equals(column)) {
                return h;
            }
        }
        throw new IllegalArgumentException("unknown link health " + column);
    }
}
