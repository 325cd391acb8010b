package ai.pace42.server.secrets;

import ai.pace42.bot.secrets.KeyEncryptionKey;
import ai.pace42.bot.secrets.LocalSecretStore;
import ai.pace42.bot.secrets.SecretStore;
import ai.pace42.bot.secrets.VaultSecretStore;
import ai.pace42.bot.secrets.VaultSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the configured secret store. */
public final class SecretStores {

    private static final Logger LOG = LoggerFactory.getLogger(SecretStores.class);

    private SecretStores() {
    }

    public static SecretStore create(SecretStoreConfig config, Path dataDir, Jdbi jdbi, Clock clock) {
        return switch (config.store()) {
            case "local" -> local(config, dataDir, jdbi, clock);
            case "vault" -> vault(config, clock);
            default -> throw new IllegalArgumentException("PACE42_SECRET_STORE must be 'local' or 'vault', not '"
                    + config.store() + "'");
        };
    }

    /** The embedded store. Its key comes from configuration or a key file; a first start creates the file. */
    public static LocalSecretStore local(SecretStoreConfig config, Path dataDir, Jdbi jdbi, Clock clock) {
        Path keyFile = config.keyFile().isEmpty() ? dataDir.resolve("secret-store.key") : Path.of(config.keyFile());
        Optional<KeyEncryptionKey> key = config.key().isEmpty()
                ? KeyEncryptionKey.readFile(keyFile)
                : Optional.of(KeyEncryptionKey.fromBase64(config.key()));
        if (key.isEmpty() && LocalSecretStore.hasKeyset(jdbi)) {
            LOG.error("the secret store is sealed: secrets exist but no key was given (PACE42_SECRET_KEY or {})",
                    keyFile);
            return LocalSecretStore.sealed(jdbi, clock, "no key-encryption key; set PACE42_SECRET_KEY or restore "
                    + keyFile);
        }
        KeyEncryptionKey kek = key.orElseGet(() -> {
            LOG.info("created a new secret-store key at {} (owner-only); back it up separately from the database",
                    keyFile);
            return KeyEncryptionKey.createFile(keyFile);
        });
        return LocalSecretStore.open(jdbi, kek, clock);
    }

    private static SecretStore vault(SecretStoreConfig config, Clock clock) {
        if (config.vaultAddress().isEmpty()) {
            throw new IllegalArgumentException("PACE42_SECRET_STORE=vault needs VAULT_ADDR");
        }
        VaultSettings settings = new VaultSettings(config.vaultAddress(), config.vaultToken(), config.vaultRoleId(),
                config.vaultSecretId(), config.vaultNamespace(), config.vaultMount(), "pace42", 5, 10, 4,
                Duration.ofMillis(200));
        LOG.info("secrets are kept in Vault: {}", settings);
        return new VaultSecretStore(settings, clock);
    }
}
