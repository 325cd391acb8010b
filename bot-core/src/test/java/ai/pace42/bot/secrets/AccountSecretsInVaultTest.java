package ai.pace42.bot.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.account.AccountDeletion;
import ai.pace42.bot.account.AccountService;
import ai.pace42.bot.admin.AuditLog;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.testing.RecordingLinkedSource;
import ai.pace42.bot.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In Vault no database cascade reaches the secrets: deleting an account must remove every secret it holds there,
 * including the values a link flow staged under names of its own.
 */
class AccountSecretsInVaultTest {

    @TempDir
    Path dir;

    private final FakeVault vault = FakeVault.started();

    @AfterEach
    void tearDown() {
        vault.shutdown();
    }

    @Test
    void deletingAnAccountLeavesNothingOfItInVault() {
        Jdbi jdbi = TestDatabases.sqlite(dir);
        AccountService accounts = new AccountService(jdbi, Clock.systemUTC());
        String ana = accounts.resolve(PlatformIdentity.of(Platform.TELEGRAM, "100"), "Ana").id();
        String ben = accounts.resolve(PlatformIdentity.of(Platform.TELEGRAM, "200"), "Ben").id();
        VaultSecretStore store = new VaultSecretStore(VaultSettings.of(vault.url(), FakeVault.ROOT_TOKEN, "", "", ""),
                Clock.systemUTC());
        store.put(ana, "garmin", "tokens-ana");
        store.put(ana, "garmin-staged", "staged-ana");
        store.put(ana, "flow:oauth-approval:7d1c", "approved-ana");
        store.put(ben, "flow:oauth-approval:0b3e", "approved-ben");
        RecordingLinkedSource garmin = new RecordingLinkedSource();

        AccountDeletion.Deleted deleted = new AccountDeletion(jdbi, store, garmin, new AuditLog(jdbi, Clock.systemUTC()))
                .delete(ana, "req-del");

        assertThat(store.names(ana)).isEmpty();
        assertThat(store.get(ana, "flow:oauth-approval:7d1c")).isEmpty();
        assertThat(deleted.secrets()).containsExactlyInAnyOrder("garmin", "garmin-staged", "flow:oauth-approval:7d1c");
        assertThat(garmin.revoked()).containsExactlyInAnyOrder(ana + " tokens-ana", ana + " staged-ana");
        assertThat(store.get(ben, "flow:oauth-approval:0b3e")).contains("approved-ben");
    }
}
