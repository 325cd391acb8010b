package ai.pace42.server.garmin;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.account.AccountService;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.secrets.SecretStore;
import ai.pace42.bot.testing.MutableClock;
import ai.pace42.bot.testing.TestDatabases;
import ai.pace42.bot.testing.TestSecretStores;
import ai.pace42.garmin.auth.FlowState;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** Link-flow state in the database: shared by instances, sealed, single use, expiring and bounded. */
class JdbiFlowStateTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final Jdbi jdbi = TestDatabases.sqlite(Files.createTempDirectory("pace42-flows"));
    private final SecretStore secrets = TestSecretStores.local(jdbi, Files.createTempDirectory("pace42-flow-keys"));
    private final String account = new AccountService(jdbi, clock).resolve(PlatformIdentity.of(Platform.TELEGRAM,
            "5"), "Ada").id();
    private final JdbiFlowState instanceA = new JdbiFlowState(jdbi, secrets, clock);
    private final JdbiFlowState instanceB = new JdbiFlowState(jdbi, secrets, clock);

    JdbiFlowStateTest() throws Exception {
    }

    private FlowState.Entry entry(String value, Duration ttl) {
        return new FlowState.Entry(account, value, clock.instant().plus(ttl));
    }

    @Test
    void anEntryWrittenByOneInstanceIsTakenOnceByAnotherAndIsNeverStoredInTheClear() {
        assertThat(instanceA.put("mfa-sign-in", "p1", entry("{\"cookies\":\"SESSION=abc123\"}", Duration.ofMinutes(5))))
                .isTrue();

        List<String> visible = jdbi.withHandle(h -> h.createQuery(
                "SELECT value FROM shared_web_state UNION ALL SELECT ciphertext FROM secrets").mapTo(String.class).list());
        assertThat(String.join("\n", visible)).doesNotContain("abc123");

        assertThat(instanceB.take("mfa-sign-in", "p1")).hasValueSatisfying(e -> {
            assertThat(e.value()).contains("SESSION=abc123");
            assertThat(e.accountId()).isEqualTo(account);
        });
        assertThat(instanceA.take("mfa-sign-in", "p1")).isEmpty();
        assertThat(count("secrets")).as("the sealed value went with it").isZero();
    }

    @Test
    void expiredEntriesAreNeverReturnedAndArePurgedWithTheirSealedValues() {
        instanceA.put("oauth-state", "s1", entry("verifier redirect", Duration.ofMinutes(10)));
        instanceA.put("oauth-state", "s2", entry("verifier redirect", Duration.ofMinutes(30)));

        clock.advance(Duration.ofMinutes(11));

        assertThat(instanceB.get("oauth-state", "s1")).isEmpty();
        assertThat(instanceB.take("oauth-state", "s1")).isEmpty();
        assertThat(instanceB.purgeExpired()).isEqualTo(1);
        assertThat(count("shared_web_state")).isEqualTo(1);
        assertThat(count("secrets")).isEqualTo(1);
        assertThat(instanceA.get("oauth-state", "s2")).isPresent();
    }

    @Test
    void aKindHoldsABoundedNumberOfUnexpiredEntries() {
        JdbiFlowState small = new JdbiFlowState(jdbi, secrets, clock, 2);

        assertThat(small.put("oauth-state", "1", entry("a b", Duration.ofMinutes(1)))).isTrue();
        assertThat(small.put("oauth-state", "2", entry("a b", Duration.ofMinutes(1)))).isTrue();
        assertThat(small.put("oauth-state", "3", entry("a b", Duration.ofMinutes(1)))).isFalse();
        assertThat(small.put("oauth-state", "2", entry("c d", Duration.ofMinutes(1)))).as("replacing").isTrue();
        assertThat(small.put("mfa-sign-in", "1", entry("{}", Duration.ofMinutes(1)))).as("another kind").isTrue();

        clock.advance(Duration.ofMinutes(2));
        assertThat(small.put("oauth-state", "3", entry("a b", Duration.ofMinutes(1)))).as("after expiry").isTrue();
    }

    private long count(String table) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }
}
