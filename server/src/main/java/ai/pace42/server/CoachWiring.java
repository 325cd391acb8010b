package ai.pace42.server;

import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.CoachService;

/** Chooses the coach the server answers with. */
final class CoachWiring {

    private CoachWiring() {
    }

    static CoachService coach(Pace42Configuration config) {
        // Replaced by the deterministic coach engine as soon as it lands (issue 3).
        return question -> CoachAnswer.text("I can't analyse runs yet: the coach engine is still being built. "
                + "Meanwhile you can set /units and /timezone.");
    }
}
