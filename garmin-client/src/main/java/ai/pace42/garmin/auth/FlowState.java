package ai.pace42.garmin.auth;

import java.time.Instant;
import java.util.Optional;

/**
 * Short-lived state of a link flow that another server instance may have to finish: the OAuth {@code state}
 * with its PKCE verifier, or a sign-in waiting for its MFA code. The server keeps it in the database (sealed by
 * the secret store); {@link InMemoryFlowState} serves one process and tests. Entries expire and each kind holds
 * a bounded number of them.
 */
public interface FlowState {

    /** One entry: the account that started the flow, its value, and when it stops being valid. */
    record Entry(String accountId, String value, Instant expires) {
        @Override
        public String toString() {
            return "Entry[" + accountId + ", value=****, " + expires + "]";
        }
    }

    /**
     * Stores (or replaces) an entry.
     *
     * @return false when the kind already holds its maximum of unexpired entries (nothing was stored)
     */
    boolean put(String kind, String id, Entry entry);

    /** The entry if it exists and has not expired. */
    Optional<Entry> get(String kind, String id);

    /** Removes and returns the entry (single use: of two concurrent takes, one gets it). */
    Optional<Entry> take(String kind, String id);

    void remove(String kind, String id);
}
