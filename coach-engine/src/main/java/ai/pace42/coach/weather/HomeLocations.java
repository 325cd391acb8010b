package ai.pace42.coach.weather;

import java.util.Optional;

/** The coach's port to a runner's home location (stored by the chat core). */
public interface HomeLocations {

    /** Where the runner said they run, if they did. */
    Optional<Place> home(String accountId);

    /** Offers a place (e.g. the last run's start) for the runner to accept with {@code /location yes}; never sets it. */
    void propose(String accountId, Place place);

    static HomeLocations none() {
        return new HomeLocations() {
            @Override
            public Optional<Place> home(String accountId) {
                return Optional.empty();
            }

            @Override
            public void propose(String accountId, Place place) {
            }
        };
    }
}
