package ai.pace42.bot.secrets;

import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The secret-store contract against Vault's KV v2 API (token auth). */
class VaultSecretStoreTest extends SecretStoreContract {

    private FakeVault vault;
    private VaultSecretStore store;

    @BeforeEach
    void setUp() {
        vault = FakeVault.started();
        store = new VaultSecretStore(VaultSettings.of(vault.url(), FakeVault.ROOT_TOKEN, "", "", ""),
                Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        vault.shutdown();
    }

    @Override
    protected SecretStore store() {
        return store;
    }
}
