package ai.pace42.bot.data;

import ai.pace42.bot.account.Account;
import ai.pace42.coach.model.ActivitySourceResolver;
import java.util.Optional;

/** The runs of accounts that linked an external service (Garmin), with a way to drop what is cached. */
public interface LinkedSource extends ActivitySourceResolver {

    /** Forgets cached data of an account: after linking (start fresh) and unlinking (keep nothing). */
    void forget(String accountId);

    /**
     * Tells the service that pace42 gives up the access in {@code storedSecret}, where the service supports that
     * (Garmin's official program does). Best effort and never throws; true when the service confirmed.
     */
    default boolean revoke(String accountId, String storedSecret) {
        return false;
    }

    /**
     * Gives up {@code oldSecret} after a re-link stored {@code newSecret} in its place. Where both are the same
     * account at the service, revoking the old access could end the new one too; an implementation may skip it.
     */
    default boolean revokeReplaced(String accountId, String oldSecret, String newSecret) {
        return revoke(accountId, oldSecret);
    }

    /**
     * The link at a glance for /status, e.g. "connected as Ada · synced 4 min ago"; empty when there is nothing to
     * add to the plain data-source line.
     */
    default Optional<String> describe(Account account) {
        return Optional.empty();
    }

    /**
     * A cheap real call with the account's stored credentials: healthy, needs relink or permission removed.
     * Empty when there is no verdict (no link, or the service failed for another reason). Never throws.
     */
    default Optional<LinkHealth> checkHealth(String accountId) {
        return Optional.empty();
    }

    /** No linked service configured. */
    static LinkedSource none() {
        return new LinkedSource() {
            @Override
            public Optional<ai.pace42.coach.model.ActivitySource> resolve(String accountId) {
                return Optional.empty();
            }

            @Override
            public void forget(String accountId) {
                // nothing is cached
            }
        };
    }
}
