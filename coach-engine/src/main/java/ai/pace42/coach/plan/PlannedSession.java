package ai.pace42.coach.plan;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One day's session, in SI units (metres, m/s); the runner's units are applied when it is written out.
 *
 * @param distanceM total distance including warm-up and cool-down
 * @param reps      repetitions of {@code repM} metres for interval sessions (0 otherwise)
 * @param workM     distance at the session's target pace (the reps, the tempo or M-pace block; 0 for easy runs)
 * @param fastMps   faster end of the target pace range, NaN when no VDOT is known
 * @param slowMps   slower end of the target pace range, NaN when no VDOT is known
 * @param strides   easy run finished with 6 × 20 s strides
 */
public record PlannedSession(LocalDate date, SessionKind kind, double distanceM, int reps, double repM, double workM,
                             double fastMps, double slowMps, boolean strides) {

    public PlannedSession {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
    }

    public static PlannedSession easy(LocalDate date, SessionKind kind, double distanceM, double fastMps,
                                      double slowMps, boolean strides) {
        return new PlannedSession(date, kind, distanceM, 0, 0, 0, fastMps, slowMps, strides);
    }

    public PlannedSession on(LocalDate other) {
        return new PlannedSession(other, kind, distanceM, reps, repM, workM, fastMps, slowMps, strides);
    }
}
