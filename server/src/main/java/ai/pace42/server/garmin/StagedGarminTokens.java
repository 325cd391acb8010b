package ai.pace42.server.garmin;

import ai.pace42.garmin.auth.GarminLink;
import ai.pace42.garmin.auth.GarminTokenStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The token store the link flows write to. Tokens a flow has just verified wait here, in memory, until the link
 * page has used its one-time link up; only then are they stored for real (by the core), so a lost race or an
 * expired link never leaves tokens behind.
 */
final class StagedGarminTokens implements GarminTokenStore {

    private final Map<String, GarminLink> staged = new ConcurrentHashMap<>();

    @Override
    public Optional<GarminLink> load(String accountId) {
        return Optional.ofNullable(staged.get(accountId));
    }

    @Override
    public void save(String accountId, GarminLink link) {
        staged.put(accountId, link);
    }

    @Override
    public void delete(String accountId) {
        staged.remove(accountId);
    }

    /** Takes what a flow verified for this account, leaving nothing behind. */
    Optional<GarminLink> take(String accountId) {
        return Optional.ofNullable(staged.remove(accountId));
    }
}
