package ai.pace42.coach.model;

import java.util.Optional;

/**
 * What was said about a session outside the samples.
 *
 * @param race    the runner or device tagged it as a race
 * @param planned the session type a plan or device workout intended, e.g. "easy"; empty when unknown
 */
public record SessionTags(boolean race, Optional<String> planned) {

    public SessionTags {
        planned = planned == null ? Optional.empty() : planned;
    }

    public static SessionTags none() {
        return new SessionTags(false, Optional.empty());
    }

    public static SessionTags raceTag() {
        return new SessionTags(true, Optional.empty());
    }

    public static SessionTags planned(String type) {
        return new SessionTags(false, Optional.of(type));
    }
}
