package ai.pace42.coach.plan;

/**
 * How a planned day went. DONE: a run of at least 90% of the planned distance; PARTIAL: a shorter run; MISSED: the
 * day passed without a run; UPCOMING: today or later without a run yet; EXTRA: a run on a day with no session.
 */
public record SessionResult(PlannedSession session, Status status, double actualM) {

    public enum Status { DONE, PARTIAL, MISSED, UPCOMING, EXTRA }

    public static final double DONE_SHARE = 0.90;
}
