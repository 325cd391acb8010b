package ai.pace42.bot.testing;

import ai.pace42.bot.secrets.KeyEncryptionKey;
import ai.pace42.bot.secrets.LocalSecretStore;
import java.nio.file.Path;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/** A real, unsealed local secret store for tests, keyed by a fresh key file in {@code dir}. */
public final class TestSecretStores {

    private TestSecretStores() {
    }

    public static LocalSecretStore local(Jdbi jdbi, Path dir) {
        Path keyFile = dir.resolve("test-secret-" + System.nanoTime() + ".key");
        return LocalSecretStore.open(jdbi, KeyEncryptionKey.createFile(keyFile), Clock.systemUTC());
    }
}
