package ai.pace42.bot.account;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.coach.UnitSystem;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The same behaviour on every database pace42 supports; subclasses supply the database. */
abstract class AccountServiceContract {

    protected abstract Jdbi database();

    private Jdbi jdbi;
    private AccountService accounts;

    @BeforeEach
    void setUp() {
        jdbi = database();
        accounts = new AccountService(jdbi, Clock.systemUTC());
    }

    @Test
    void firstContactCreatesAnAccountWithDefaults() {
        PlatformIdentity who = PlatformIdentity.of(Platform.TELEGRAM, "1001");

        Account account = accounts.resolve(who, "Ana");

        assertThat(account.id()).startsWith("acc_");
        assertThat(account.units()).isEqualTo(UnitSystem.METRIC);
        assertThat(account.timeZone()).isEmpty();
        assertThat(account.displayName()).isEqualTo("Ana");
        assertThat(accounts.identitiesOf(account.id())).containsExactly("telegram:1001");
    }

    @Test
    void theSameIdentityAlwaysMapsToTheSameAccount() {
        PlatformIdentity who = new PlatformIdentity(Platform.SLACK, "T1", "U1");

        Account first = accounts.resolve(who, "");
        Account again = accounts.resolve(who, "renamed");

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(count("SELECT COUNT(*) FROM accounts")).isEqualTo(1);
    }

    @Test
    void theSameUserIdOnAnotherPlatformOrTenantIsAnotherPerson() {
        Account telegram = accounts.resolve(PlatformIdentity.of(Platform.TELEGRAM, "42"), "");
        Account discord = accounts.resolve(PlatformIdentity.of(Platform.DISCORD, "42"), "");
        Account slackA = accounts.resolve(new PlatformIdentity(Platform.SLACK, "TA", "42"), "");
        Account slackB = accounts.resolve(new PlatformIdentity(Platform.SLACK, "TB", "42"), "");

        assertThat(Set.of(telegram.id(), discord.id(), slackA.id(), slackB.id())).hasSize(4);
    }

    @Test
    void concurrentFirstMessagesCreateExactlyOneAccount() throws Exception {
        PlatformIdentity who = PlatformIdentity.of(Platform.DISCORD, "race");
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return accounts.resolve(who, "").id();
                }));
            }
            go.countDown();
            Set<String> ids = new HashSet<>();
            for (Future<String> f : results) {
                ids.add(f.get());
            }
            assertThat(ids).hasSize(1);
            assertThat(count("SELECT COUNT(*) FROM accounts")).isEqualTo(1);
            assertThat(count("SELECT COUNT(*) FROM platform_identities")).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void preferencesArePersisted() {
        Account account = accounts.resolve(PlatformIdentity.of(Platform.WEB, "browser1"), "");

        accounts.setUnits(account.id(), UnitSystem.IMPERIAL);
        accounts.setTimeZone(account.id(), ZoneId.of("America/Chicago"));

        Account reloaded = accounts.findById(account.id()).orElseThrow();
        assertThat(reloaded.units()).isEqualTo(UnitSystem.IMPERIAL);
        assertThat(reloaded.timeZone()).contains(ZoneId.of("America/Chicago"));
    }

    @Test
    void foreignKeysAreEnforced() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute(
                        "INSERT INTO platform_identities (platform, tenant_id, user_id, account_id, created_at) "
                                + "VALUES ('web', '', 'x', 'acc_missing', 0)")))
                .isInstanceOf(org.jdbi.v3.core.statement.UnableToExecuteStatementException.class);
        assertThat(count("SELECT COUNT(*) FROM platform_identities")).isZero();
    }

    @Test
    void migrationsCreatedEveryTable() {
        for (String table : List.of("accounts", "platform_identities", "usage_daily", "audit_log")) {
            assertThat(count("SELECT COUNT(*) FROM " + table)).as(table).isZero();
        }
        assertThat(count("SELECT COUNT(*) FROM flyway_schema_history WHERE success = " + trueLiteral()))
                .isGreaterThanOrEqualTo(1);
    }

    /** SQLite stores booleans as 1, PostgreSQL as true. */
    protected abstract String trueLiteral();

    private long count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
