package ai.pace42.garmin.auth;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link GarminTokenStore} in memory: for tests and single-process local use only (tokens die with the JVM). */
public final class InMemoryTokenStore implements GarminTokenStore {

    private final Map<String, GarminLink> links = new ConcurrentHashMap<>();

    @Override
    public Optional<GarminLink> load(String accountId) {
        return Optional.ofNullable(links.get(accountId));
    }

    @Override
    public void save(String accountId, GarminLink link) {
        links.put(accountId, link);
    }

    @Override
    public void delete(String accountId) {
        links.remove(accountId);
    }
}
