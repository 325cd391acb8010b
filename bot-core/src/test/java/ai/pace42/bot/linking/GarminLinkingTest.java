package ai.pace42.bot.linking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.pace42.bot.account.AccountService;
import ai.pace42.bot.admin.AuditLog;
import ai.pace42.bot.channel.Adapters;
import ai.pace42.bot.channel.ConversationRef;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.data.AccountDataSources;
import ai.pace42.bot.data.DataSourceKind;
import ai.pace42.bot.data.LinkedSource;
import ai.pace42.bot.secrets.LocalSecretStore;
import ai.pace42.bot.secrets.SecretStore;
import ai.pace42.bot.secrets.SecretStoreUnavailableException;
import ai.pace42.bot.testing.RecordingAdapter;
import ai.pace42.bot.testing.TestDatabases;
import ai.pace42.bot.testing.TestSecretStores;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GarminLinkingTest {

    private static final PlatformIdentity ANA = PlatformIdentity.of(Platform.TELEGRAM, "100");

    @TempDir
    Path dir;

    private Jdbi jdbi;
    private OneTimeLinks links;
    private AccountDataSources sources;
    private Adapters adapters;
    private RecordingAdapter telegram;
    private String accountId;

    @BeforeEach
    void setUp() throws Exception {
        jdbi = TestDatabases.sqlite(dir);
        AccountService accounts = new AccountService(jdbi, Clock.systemUTC());
        accountId = accounts.resolve(ANA, "Ana").id();
        links = new OneTimeLinks(jdbi, Clock.systemUTC(), Duration.ofMinutes(15));
        sources = new AccountDataSources(jdbi, accounts, Clock.systemUTC(), LinkedSource.none());
        adapters = new Adapters();
        telegram = new RecordingAdapter(Platform.TELEGRAM);
        adapters.register(telegram);
    }

    private GarminLinking linking(SecretStore secrets) {
        return new GarminLinking(links, secrets, sources, LinkedSource.none(), new AuditLog(jdbi, Clock.systemUTC()),
                adapters);
    }

    private String issue() {
        return links.issue("garmin", ANA, ConversationRef.direct(ANA), accountId, "Ana").token();
    }

    @Test
    void completingStoresTheTokensSwitchesToGarminAndTellsTheChat() {
        LocalSecretStore secrets = TestSecretStores.local(jdbi, dir);
        String token = issue();

        assertThat(linking(secrets).complete(token, "Ana R.", "{\"t\":1}", "req-1")).isPresent();

        assertThat(secrets.get(accountId, "garmin")).contains("{\"t\":1}");
        assertThat(sources.kindOf(accountId)).isEqualTo(DataSourceKind.GARMIN);
        assertThat(telegram.last().where()).isEqualTo(ConversationRef.direct(ANA));
        assertThat(telegram.last().reply().plainText()).isEqualTo("Garmin connected as **Ana R.**. Not you? Send /unlink.");
        assertThat(linking(secrets).complete(token, "Ana R.", "{\"t\":2}", "req-2")).isEmpty();
        assertThat(secrets.get(accountId, "garmin")).contains("{\"t\":1}");
    }

    @Test
    void aSealedStoreRefusesBeforeTheLinkIsUsedSoTheRunnerCanRetry() {
        String token = issue();
        SecretStore sealed = LocalSecretStore.sealed(jdbi, Clock.systemUTC(), "no key");

        assertThatThrownBy(() -> linking(sealed).complete(token, "Ana R.", "{}", "req-3"))
                .isInstanceOf(SecretStoreUnavailableException.class);

        assertThat(links.peek("garmin", token)).isPresent();
        assertThat(sources.kindOf(accountId)).isEqualTo(DataSourceKind.NONE);
        assertThat(telegram.sent()).isEmpty();
    }
}
