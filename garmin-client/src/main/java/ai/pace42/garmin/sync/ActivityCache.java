package ai.pace42.garmin.sync;

/**
 * Per-account activity and sample cache. {@link InMemoryActivityCache} now; a database-backed implementation
 * (bot-core storage) can replace it without touching the source.
 */
public interface ActivityCache {

    AccountCache account(String accountId);

    void evict(String accountId);
}
