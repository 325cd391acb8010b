package ai.pace42.bot.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.pace42.bot.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSecretStoreTest extends SecretStoreContract {

    @TempDir
    Path dir;

    private Jdbi jdbi;
    private KeyEncryptionKey key;
    private LocalSecretStore store;

    @BeforeEach
    void setUp() {
        jdbi = TestDatabases.sqlite(dir);
        jdbi.useHandle(h -> {
            h.execute("INSERT INTO accounts (id, created_at) VALUES ('acc_a', 0)");
            h.execute("INSERT INTO accounts (id, created_at) VALUES ('acc_b', 0)");
        });
        key = KeyEncryptionKey.createFile(dir.resolve("secret-store.key"));
        store = LocalSecretStore.open(jdbi, key, Clock.systemUTC());
    }

    @Override
    protected SecretStore store() {
        return store;
    }

    private String ciphertextOf(String account, String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT ciphertext FROM secrets WHERE account_id = :a AND name = :n")
                .bind("a", account).bind("n", name).mapTo(String.class).one());
    }

    private void setCiphertext(String account, String name, String ciphertext) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE secrets SET ciphertext = :c WHERE account_id = :a AND name = :n")
                .bind("c", ciphertext).bind("a", account).bind("n", name).execute());
    }

    @Test
    void theDatabaseHoldsNoPlaintext() {
        store.put("acc_a", "garmin", "plain-garmin-token-123");

        List<String> everything = jdbi.withHandle(h -> h.createQuery(
                "SELECT ciphertext FROM secrets UNION ALL SELECT keyset FROM secret_keysets").mapTo(String.class).list());
        assertThat(String.join("\n", everything)).doesNotContain("plain-garmin-token-123")
                .doesNotContain(Base64.getEncoder().encodeToString(key.bytes()));
        assertThat(ciphertextOf("acc_a", "garmin")).startsWith("ekv:v1:");
    }

    @Test
    void theSameValueEncryptsDifferentlyEachTime() {
        store.put("acc_a", "garmin", "same");
        String first = ciphertextOf("acc_a", "garmin");
        store.put("acc_a", "garmin", "same");

        assertThat(ciphertextOf("acc_a", "garmin")).isNotEqualTo(first);
    }

    @Test
    void aCiphertextMovedToAnotherAccountOrNameFailsClosed() {
        store.put("acc_a", "garmin", "token-of-a");
        store.put("acc_b", "garmin", "token-of-b");
        store.put("acc_b", "slack", "slack-of-b");

        setCiphertext("acc_b", "garmin", ciphertextOf("acc_a", "garmin"));
        setCiphertext("acc_b", "slack", ciphertextOf("acc_a", "garmin"));

        assertThatThrownBy(() -> store.get("acc_b", "garmin")).isInstanceOf(SecretUnreadableException.class);
        assertThatThrownBy(() -> store.get("acc_b", "slack")).isInstanceOf(SecretUnreadableException.class);
        assertThat(store.get("acc_a", "garmin")).contains("token-of-a");
    }

    @Test
    void aFlippedByteFails() {
        store.put("acc_a", "garmin", "token");
        byte[] ct = Base64.getDecoder().decode(ciphertextOf("acc_a", "garmin").substring("ekv:v1:".length()));
        ct[ct.length - 3] ^= 0x01;
        setCiphertext("acc_a", "garmin", "ekv:v1:" + Base64.getEncoder().encodeToString(ct));

        assertThatThrownBy(() -> store.get("acc_a", "garmin")).isInstanceOf(SecretUnreadableException.class);
    }

    @Test
    void rotationReencryptsEverythingUnderANewKeyAndDisablesTheOld() {
        store.put("acc_a", "garmin", "token-a");
        store.put("acc_b", "garmin", "token-b");
        String before = ciphertextOf("acc_a", "garmin");

        assertThat(store.rotate()).isEqualTo(2);

        assertThat(store.get("acc_a", "garmin")).contains("token-a");
        assertThat(store.get("acc_b", "garmin")).contains("token-b");
        // Tink's 5-byte prefix names the key: it changed, and the old key no longer decrypts.
        assertThat(keyId(ciphertextOf("acc_a", "garmin"))).isNotEqualTo(keyId(before));
        setCiphertext("acc_a", "garmin", before);
        assertThatThrownBy(() -> store.get("acc_a", "garmin")).isInstanceOf(SecretUnreadableException.class);
        // A restart with the same key sees the rotated keyset.
        assertThat(LocalSecretStore.open(jdbi, key, Clock.systemUTC()).get("acc_b", "garmin")).contains("token-b");
    }

    @Test
    void aWrongKeySealsTheStoreAndTouchesNothing() {
        store.put("acc_a", "garmin", "token-a");
        String keysetBefore = keyset();

        LocalSecretStore sealed = LocalSecretStore.open(jdbi,
                KeyEncryptionKey.createFile(dir.resolve("other.key")), Clock.systemUTC());

        assertThat(sealed.health().healthy()).isFalse();
        assertThat(sealed.health().message()).contains("sealed");
        assertThatThrownBy(() -> sealed.get("acc_a", "garmin")).isInstanceOf(SecretStoreUnavailableException.class);
        assertThatThrownBy(() -> sealed.put("acc_b", "garmin", "x")).isInstanceOf(SecretStoreUnavailableException.class);
        assertThat(keyset()).isEqualTo(keysetBefore);
        assertThat(secretRows()).isEqualTo(1);
    }

    @Test
    void theKeyFileIsOwnerOnlyAndAWiderOneIsRefused() throws Exception {
        Path file = dir.resolve("secret-store.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(KeyEncryptionKey.readFile(file)).contains(key);

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> KeyEncryptionKey.readFile(file)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("chmod 600");
    }

    @Test
    void aMalformedKeyIsRejectedWithoutEchoingIt() {
        assertThatThrownBy(() -> KeyEncryptionKey.fromBase64("c2hvcnQ=")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("c2hvcnQ");
        assertThat(key.toString()).doesNotContain(Base64.getEncoder().encodeToString(key.bytes()));
    }

    @Test
    void deletingAnAccountDeletesItsSecrets() {
        store.put("acc_a", "garmin", "token-a");
        jdbi.useHandle(h -> h.execute("DELETE FROM accounts WHERE id = 'acc_a'"));

        assertThat(secretRows()).isZero();
    }

    private String keyset() {
        return jdbi.withHandle(h -> h.createQuery("SELECT keyset FROM secret_keysets").mapTo(String.class).one());
    }

    private long secretRows() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM secrets").mapTo(Long.class).one());
    }

    private static String keyId(String stored) {
        byte[] ct = Base64.getDecoder().decode(stored.substring("ekv:v1:".length()));
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(ct, 5));
    }
}
