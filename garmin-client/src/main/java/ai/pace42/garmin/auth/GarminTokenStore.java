package ai.pace42.garmin.auth;

import java.util.Optional;

/**
 * The only place Garmin tokens are persisted. bot-core implements it on its secret store (encrypted at rest);
 * {@link InMemoryTokenStore} is for tests and local runs. Saves must be durable on return: a rotated refresh
 * token that is lost means a forced re-link.
 */
public interface GarminTokenStore {

    Optional<GarminLink> load(String accountId);

    void save(String accountId, GarminLink link);

    /** Unlink: remove everything for the account. */
    void delete(String accountId);
}
