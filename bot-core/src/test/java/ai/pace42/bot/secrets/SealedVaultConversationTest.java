package ai.pace42.bot.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.BotCore;
import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.commands.UnlinkCommand;
import ai.pace42.bot.conversation.FileAnalysis;
import ai.pace42.bot.data.DataSourceKind;
import ai.pace42.bot.data.LinkedSource;
import ai.pace42.bot.testing.TestDatabases;
import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.model.ActivitySource;
import ai.pace42.coach.sample.SampleAthlete;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A runner who linked Garmin while Vault is sealed: every answer that needs the tokens says "temporarily
 * unavailable" with its code and reference, nothing is deleted or half-written, and all works again once Vault is
 * unsealed.
 */
class SealedVaultConversationTest {

    private static final PlatformIdentity ANA = PlatformIdentity.of(Platform.TELEGRAM, "100");

    @TempDir
    Path dir;

    private FakeVault vault;
    private BotCore core;
    private VaultSecretStore secrets;

    /** Reads the runner's Garmin tokens from the secret store, as the server's Garmin wiring does. */
    private LinkedSource garminReadingTheSecretStore() {
        return new LinkedSource() {
            @Override
            public Optional<ActivitySource> resolve(String accountId) {
                return secrets.get(accountId, UnlinkCommand.GARMIN_SECRET)
                        .map(tokens -> SampleAthlete.withSystemClock());
            }

            @Override
            public void forget(String accountId) {
            }
        };
    }

    @BeforeEach
    void setUp() {
        vault = FakeVault.started();
        secrets = new VaultSecretStore(VaultSettings.of(vault.url(), FakeVault.ROOT_TOKEN, "", "", ""),
                Clock.systemUTC());
        Jdbi jdbi = TestDatabases.sqlite(dir);
        core = BotCore.create(jdbi,
                sources -> q -> CoachAnswer.text(sources.resolve(q.accountId()).map(s -> "runs from " + s.label())
                        .orElse("no data")),
                secrets, garminReadingTheSecretStore(), FileAnalysis.none(), BotCore.Settings.defaults(),
                Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        core.close();
        vault.shutdown();
    }

    private String say(String text) throws Exception {
        return core.dispatcher().onInbound(Inbound.directText(ANA, text, "req-" + text.hashCode()))
                .get(20, TimeUnit.SECONDS).plainText();
    }

    @Test
    void aLinkedRunnerIsToldItIsTemporaryAndNothingIsLost() throws Exception {
        say("/start");
        String accountId = core.accounts().find(ANA).orElseThrow().id();
        secrets.put(accountId, UnlinkCommand.GARMIN_SECRET, "{\"access_token\":\"garmin-access\"}");
        core.dataSources().choose(accountId, DataSourceKind.GARMIN);
        assertThat(say("Analyze my last run")).contains("runs from");

        vault.seal();
        String sealed = say("Analyze my last run");
        String unlink = say("/unlink confirm");

        assertThat(sealed).contains("temporarily unavailable", "SERVICE_UNAVAILABLE", "ref req-");
        assertThat(sealed).doesNotContain("Exception", "garmin-access");
        assertThat(unlink).contains("temporarily unavailable");
        assertThat(say("/help")).as("commands that need no secrets keep working").contains("/link");

        vault.unseal();
        assertThat(secrets.get(accountId, UnlinkCommand.GARMIN_SECRET)).as("the sealed /unlink deleted nothing")
                .contains("{\"access_token\":\"garmin-access\"}");
        assertThat(say("Analyze my last run")).contains("runs from");
    }
}
