package ai.pace42.bot.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rotate-secret-key} runs in its own process while the server keeps its store open on the same database:
 * two store instances stand for the two processes.
 */
class RotationWhileRunningTest {

    @TempDir
    Path dir;

    private Jdbi jdbi;
    private KeyEncryptionKey key;
    private LocalSecretStore server;

    @BeforeEach
    void setUp() {
        jdbi = TestDatabases.sqlite(dir);
        jdbi.useHandle(h -> h.execute("INSERT INTO accounts (id, created_at) VALUES ('acc_a', 0)"));
        key = KeyEncryptionKey.createFile(dir.resolve("secret-store.key"));
        server = LocalSecretStore.open(jdbi, key, Clock.systemUTC());
    }

    private LocalSecretStore anotherProcess() {
        return LocalSecretStore.open(jdbi, key, Clock.systemUTC());
    }

    @Test
    void theRunningServerReadsSecretsTheCommandReEncrypted() {
        server.put("acc_a", "garmin", "token-before");

        assertThat(anotherProcess().rotate()).isEqualTo(1);

        assertThat(server.get("acc_a", "garmin")).contains("token-before");
    }

    @Test
    void aSecretTheRunningServerWritesAfterARotationIsUnderTheNewKey() {
        server.put("acc_a", "garmin", "token-before");
        server.get("acc_a", "garmin");
        anotherProcess().rotate();

        server.put("acc_a", "slack", "written-after");

        // A fresh process only has the rotated keyset, whose old keys are disabled: it must still read it.
        assertThat(anotherProcess().get("acc_a", "slack")).contains("written-after");
        // And a second rotation (which decrypts every row) does not trip over it.
        assertThat(anotherProcess().rotate()).isEqualTo(2);
        assertThat(server.get("acc_a", "slack")).contains("written-after");
        assertThat(server.get("acc_a", "garmin")).contains("token-before");
    }

    @Test
    void twoRotationsFromDifferentProcessesBothKeepEverySecretReadable() {
        server.put("acc_a", "garmin", "token");
        LocalSecretStore commandOne = anotherProcess();
        LocalSecretStore commandTwo = anotherProcess();

        commandOne.rotate();
        commandTwo.rotate(); // started from a keyset loaded before the first rotation

        assertThat(server.get("acc_a", "garmin")).contains("token");
        assertThat(anotherProcess().get("acc_a", "garmin")).contains("token");
    }
}
