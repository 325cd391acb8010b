package ai.pace42.slack;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.account.AccountDao;
import ai.pace42.bot.secrets.SecretStore;
import ai.pace42.bot.testing.MutableClock;
import ai.pace42.bot.testing.TestDatabases;
import ai.pace42.bot.testing.TestSecretStores;
import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The installation and OAuth state stores on both databases pace42 runs on (the V6 migration included). */
class SlackStoresTest {

    @TempDir
    static Path tmp;

    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("sqlite", TestDatabases.sqlite(tmp)), Arguments.of("postgres", TestDatabases.postgres()));
    }

    private static DefaultInstaller installer(String enterprise, String team, String token) {
        DefaultInstaller i = new DefaultInstaller();
        i.setEnterpriseId(enterprise);
        i.setTeamId(team);
        i.setTeamName("Team " + team);
        i.setBotAccessToken(token);
        i.setBotUserId("UBOT");
        i.setBotId("BBOT");
        i.setBotScope("chat:write");
        i.setInstallerUserId("UINST");
        return i;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void installationsKeepTokensInTheSecretStoreAndForgetThemOnRemoval(String name, Jdbi jdbi) {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-26T06:00:00Z"));
        SecretStore secrets = TestSecretStores.local(jdbi, tmp);
        SlackInstallations store = new SlackInstallations(jdbi, secrets, clock);

        store.saveInstallerAndBot(installer(null, "T1", "xoxb-one"));
        store.saveInstallerAndBot(installer("E1", "T1", "xoxb-grid"));
        store.saveInstallerAndBot(installer(null, "T1", "xoxb-one-reinstalled"));

        Bot bot = store.findBot(null, "T1");
        assertThat(bot.getBotAccessToken()).isEqualTo("xoxb-one-reinstalled");
        assertThat(bot.getBotUserId()).isEqualTo("UBOT");
        assertThat(bot.getEnterpriseId()).isNull();
        assertThat(store.findBot("E1", "T1").getBotAccessToken()).isEqualTo("xoxb-grid");
        assertThat(store.findBot(null, "T9")).isNull();
        assertThat(store.workspaces()).hasSize(2);
        assertThat(secrets.get(SlackInstallations.OWNER, "slack-bot._.T1")).contains("xoxb-one-reinstalled");
        // The reserved owner is not a runner.
        assertThat(jdbi.onDemand(AccountDao.class).countAccounts()).isZero();

        store.deleteAll(null, "T1");

        assertThat(store.findBot(null, "T1")).isNull();
        assertThat(secrets.get(SlackInstallations.OWNER, "slack-bot._.T1")).isEmpty();
        assertThat(store.findBot("E1", "T1")).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void oauthStatesExpireAfterTenMinutesAndAreSingleUse(String name, Jdbi jdbi) {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-26T06:00:00Z"));
        SlackOAuthStates states = new SlackOAuthStates(jdbi, clock);

        states.addNewStateToDatastore("s-used");
        states.addNewStateToDatastore("s-late");
        assertThat(states.isAvailableInDatabase("s-used")).isTrue();
        states.deleteStateFromDatastore("s-used");
        clock.advance(Duration.ofMinutes(10));

        assertThat(states.isAvailableInDatabase("s-used")).isFalse();
        assertThat(states.isAvailableInDatabase("s-late")).isFalse();
        assertThat(states.isAvailableInDatabase("never-issued")).isFalse();
        assertThat(states.isAvailableInDatabase(null)).isFalse();
    }
}
