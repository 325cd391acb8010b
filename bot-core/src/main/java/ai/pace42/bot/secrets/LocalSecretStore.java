package ai.pace42.bot.secrets;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The embedded secret store: the rows of {@code secrets} and {@code secret_keysets}, and when each process loads,
 * reloads or rotates the keyset. Each value is encrypted ({@link SecretCiphertext}) under a data keyset that is
 * itself stored sealed under the {@link KeyEncryptionKey} ({@link DataKeysets}); without the right key the store
 * is sealed and every call fails with {@link SecretStoreUnavailableException} without touching data.
 */
public final class LocalSecretStore implements SecretStore {

    private static final String KEYSET_ID = "primary";

    private final Jdbi jdbi;
    private final Clock clock;
    private final Aead kek;
    private volatile KeysetHandle keyset;
    private volatile Aead aead;
    /** The keyset as stored when it was loaded: a different stored value means another process rotated it. */
    private volatile String loadedKeyset;
    private volatile String sealedReason;

    private LocalSecretStore(Jdbi jdbi, Clock clock, Aead kek) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.kek = kek;
    }

    /**
     * Opens the store: loads and unseals the keyset, or creates one on first use. A keyset that the key cannot
     * open leaves the store sealed (it is never replaced, so existing secrets are never orphaned).
     */
    public static LocalSecretStore open(Jdbi jdbi, KeyEncryptionKey key, Clock clock) {
        LocalSecretStore store = new LocalSecretStore(jdbi, clock, DataKeysets.kek(key));
        store.unseal();
        return store;
    }

    /**
     * A store that stays sealed because no key-encryption key is available although a keyset exists: secrets
     * written earlier can only be opened with the original key, so a new one is never made up.
     */
    public static LocalSecretStore sealed(Jdbi jdbi, Clock clock, String reason) {
        LocalSecretStore store = new LocalSecretStore(jdbi, clock, null);
        store.sealedReason = "sealed: " + reason;
        return store;
    }

    /** True when a keyset exists, i.e. secrets may exist that only the original key can open. */
    public static boolean hasKeyset(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM secret_keysets").mapTo(Long.class).one()) > 0;
    }

    private void unseal() {
        Optional<String> stored = jdbi.withHandle(LocalSecretStore::storedKeyset);
        try {
            if (stored.isPresent()) {
                use(stored.get());
            } else {
                use(insertKeyset(DataKeysets.generate()));
            }
        } catch (GeneralSecurityException e) {
            sealedReason = "sealed: the key-encryption key does not open the stored keyset";
        }
    }

    private static Optional<String> storedKeyset(Handle h) {
        return h.createQuery("SELECT keyset FROM secret_keysets WHERE id = :id").bind("id", KEYSET_ID)
                .mapTo(String.class).findOne();
    }

    private void use(String storedJson) throws GeneralSecurityException {
        KeysetHandle handle = DataKeysets.open(storedJson, kek);
        this.aead = DataKeysets.primitive(handle);
        this.keyset = handle;
        this.loadedKeyset = storedJson;
        this.sealedReason = null;
    }

    /**
     * Picks up a keyset another process rotated (the {@code rotate-secret-key} command against a running server).
     * Returns the primitive to use; unchanged when the stored keyset is the loaded one.
     */
    private synchronized Aead current(Handle h) {
        Aead known = requireAead();
        Optional<String> stored = storedKeyset(h);
        if (stored.isEmpty() || stored.get().equals(loadedKeyset)) {
            return known;
        }
        try {
            use(stored.get());
            return aead;
        } catch (GeneralSecurityException e) {
            throw new SecretStoreUnavailableException("the stored keyset changed and cannot be opened");
        }
    }

    /**
     * Takes the keyset row's write lock (a no-op update), so a write and a rotation never interleave: on SQLite
     * the transaction is already exclusive, on PostgreSQL this row lock orders them.
     */
    private static void lockKeyset(Handle h) {
        h.createUpdate("UPDATE secret_keysets SET updated_at = updated_at WHERE id = :id").bind("id", KEYSET_ID)
                .execute();
    }

    /** Encrypts under the primary key of the keyset as stored now, even if another process just rotated it. */
    @Override
    public void put(String accountId, String name, String value) {
        requireAead();
        long now = clock.millis();
        jdbi.useTransaction(h -> {
            lockKeyset(h);
            String ciphertext = SecretCiphertext.encrypt(current(h), accountId, name, value);
            h.createUpdate("INSERT INTO secrets (account_id, name, ciphertext, updated_at) "
                            + "VALUES (:a, :n, :c, :t) ON CONFLICT (account_id, name) "
                            + "DO UPDATE SET ciphertext = excluded.ciphertext, updated_at = excluded.updated_at")
                    .bind("a", accountId).bind("n", name).bind("c", ciphertext).bind("t", now).execute();
        });
    }

    /** A ciphertext the loaded keyset cannot open may be under a key rotated in since: reload once and retry. */
    @Override
    public Optional<String> get(String accountId, String name) {
        Aead loaded = requireAead();
        Optional<String> stored = jdbi.withHandle(h -> h.createQuery(
                        "SELECT ciphertext FROM secrets WHERE account_id = :a AND name = :n")
                .bind("a", accountId).bind("n", name).mapTo(String.class).findOne());
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(SecretCiphertext.decrypt(loaded, accountId, name, stored.get()));
        } catch (SecretUnreadableException e) {
            Aead reloaded = jdbi.withHandle(this::current);
            if (reloaded == loaded) {
                throw e;
            }
            // Read again: the rotation re-encrypted this row too.
            return jdbi.withHandle(h -> h.createQuery(
                            "SELECT ciphertext FROM secrets WHERE account_id = :a AND name = :n")
                    .bind("a", accountId).bind("n", name).mapTo(String.class).findOne())
                    .map(c -> SecretCiphertext.decrypt(reloaded, accountId, name, c));
        }
    }

    @Override
    public void delete(String accountId, String name) {
        requireAead();
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM secrets WHERE account_id = :a AND name = :n")
                .bind("a", accountId).bind("n", name).execute());
    }

    @Override
    public List<String> names(String accountId) {
        requireAead();
        return jdbi.withHandle(h -> h.createQuery("SELECT name FROM secrets WHERE account_id = :a ORDER BY name")
                .bind("a", accountId).mapTo(String.class).list());
    }

    @Override
    public Health health() {
        String reason = sealedReason;
        return reason == null ? Health.ok("local store unsealed") : Health.unhealthy(reason);
    }

    @Override
    public String kind() {
        return "local";
    }

    /**
     * Adds a new primary key, re-encrypts every secret under it in one transaction, then disables the old keys.
     * Returns how many secrets were re-encrypted. Safe while servers run on the same database: writes and
     * rotations take the keyset row's lock, and every store picks up a rotated keyset on its next write or on a
     * ciphertext its loaded keyset cannot open.
     */
    public synchronized int rotate() {
        requireAead();
        try {
            Rotated done = jdbi.inTransaction(h -> {
                lockKeyset(h);
                // Start from the keyset as stored, not as loaded: another process may have rotated since.
                Aead oldAead = current(h);
                KeysetHandle rotated = DataKeysets.rotated(keyset);
                Aead newAead = DataKeysets.primitive(rotated);
                List<Row> rows = h.createQuery("SELECT account_id, name, ciphertext FROM secrets")
                        .map((rs, ctx) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3))).list();
                for (Row row : rows) {
                    String plain = SecretCiphertext.decrypt(oldAead, row.accountId(), row.name(), row.ciphertext());
                    h.createUpdate("UPDATE secrets SET ciphertext = :c WHERE account_id = :a AND name = :n")
                            .bind("c", SecretCiphertext.encrypt(newAead, row.accountId(), row.name(), plain))
                            .bind("a", row.accountId()).bind("n", row.name()).execute();
                }
                String json = DataKeysets.seal(rotated, kek);
                h.createUpdate("UPDATE secret_keysets SET keyset = :k, updated_at = :t WHERE id = :id")
                        .bind("k", json).bind("t", clock.millis()).bind("id", KEYSET_ID).execute();
                return new Rotated(rows.size(), json);
            });
            use(done.json()); // only once the transaction is through
            return done.count();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("key rotation failed; nothing was changed", e);
        }
    }

    private record Rotated(int count, String json) {
    }

    private record Row(String accountId, String name, String ciphertext) {
    }

    private Aead requireAead() {
        String reason = sealedReason;
        if (reason != null) {
            throw new SecretStoreUnavailableException(reason);
        }
        return aead;
    }

    private String insertKeyset(KeysetHandle handle) throws GeneralSecurityException {
        String json = DataKeysets.seal(handle, kek);
        long now = clock.millis();
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO secret_keysets (id, keyset, updated_at) VALUES (:id, :k, :t)")
                .bind("id", KEYSET_ID).bind("k", json).bind("t", now).execute());
        return json;
    }
}
