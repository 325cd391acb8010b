package ai.pace42.bot.secrets;

import java.util.List;
import java.util.Optional;

/**
 * Where per-account secrets (Garmin tokens, installation tokens) live. Two implementations satisfy one contract:
 * {@link LocalSecretStore} (embedded default, Tink) and {@link VaultSecretStore} (HashiCorp Vault KV v2).
 * Values are bound to their account: a value stored for one account can never be read as another's.
 *
 * <p>Failures are typed: {@link SecretStoreUnavailableException} when the store is sealed, unreachable or
 * refusing, so callers can say "temporarily unavailable" and write nothing else.
 */
public interface SecretStore {

    /** Stores (or replaces) a secret of an account under a short name such as {@code garmin}. */
    void put(String accountId, String name, String value);

    /** The secret, or empty when the account has none under that name. */
    Optional<String> get(String accountId, String name);

    /** Removes a secret for good (all versions); removing a missing one is not an error. */
    void delete(String accountId, String name);

    /**
     * Every name the account holds a secret under, so "delete everything of this account" never depends on a
     * list of names kept elsewhere (a link flow stages its values under names of its own).
     */
    List<String> names(String accountId);

    /** Whether the store can serve requests now, with a reason safe to show operators. */
    Health health();

    /** A short name for logs and health checks, e.g. {@code local} or {@code vault}. */
    String kind();

    record Health(boolean healthy, String message) {

        public static Health ok(String message) {
            return new Health(true, message);
        }

        public static Health unhealthy(String message) {
            return new Health(false, message);
        }
    }
}
