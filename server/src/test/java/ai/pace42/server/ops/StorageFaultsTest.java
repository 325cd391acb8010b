package ai.pace42.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.BotCore;
import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.persistence.JdbiSetup;
import ai.pace42.bot.persistence.Migrations;
import ai.pace42.bot.persistence.SqliteSettings;
import ai.pace42.bot.secrets.LocalSecretStore;
import ai.pace42.bot.testing.TestDatabases;
import ai.pace42.bot.testing.TestSecretStores;
import ai.pace42.coach.DeterministicCoach;
import ai.pace42.coach.UnitSystem;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Faults 5, 24 and 25 of the reference matrix against the real core on SQLite: awkward Unicode round-trips
 * through the database and the secret store; a database locked by another writer delays a write but loses
 * nothing; a full disk rolls the write back, tells the runner with a code and leaves earlier data intact.
 */
class StorageFaultsTest {

    /** Emoji with ZWJ and skin tone, combining marks, right-to-left text and a bidi override, CJK, a NUL. */
    private static final List<String> AWKWARD = List.of("🏃‍♀️🏃🏽‍♂️ 👩‍👩‍👧", "e\u0301 n\u0303 a\u030A",
            "مرحبا بالعداء", "\u202Egpj.exe\u202C", "跑步 ランニング", "nul\u0000inside", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢");

    @TempDir
    Path dir;

    private BotCore core;

    @AfterEach
    void close() {
        if (core != null) {
            core.close();
        }
    }

    private Reply say(PlatformIdentity who, String text) throws Exception {
        return core.dispatcher().onInbound(Inbound.directText(who, text, "r-" + System.nanoTime()))
                .get(30, TimeUnit.SECONDS);
    }

    @Test
    void awkwardUnicodeRoundTripsThroughTheDatabaseAndTheSecretStore() throws Exception {
        Jdbi jdbi = TestDatabases.sqlite(dir);
        LocalSecretStore secrets = TestSecretStores.local(jdbi, dir);
        core = BotCore.create(jdbi, DeterministicCoach::new, secrets, BotCore.Settings.defaults(), Clock.systemUTC());
        for (int i = 0; i < AWKWARD.size(); i++) {
            String value = AWKWARD.get(i);
            String accountId = core.accounts().resolve(PlatformIdentity.of(Platform.TELEGRAM, "u" + i), value).id();
            secrets.put(accountId, "probe", value);
            assertThat(secrets.get(accountId, "probe")).as("secret %d", i).contains(value);
            String stored = jdbi.withHandle(h -> h.createQuery("SELECT display_name FROM accounts WHERE id = :id")
                    .bind("id", accountId).mapTo(String.class).one());
            assertThat(stored).as("display name %d", i).isEqualTo(value);
            // The same text as a chat message: an answer (no exception escapes), and nothing else changes.
            Reply reply = say(PlatformIdentity.of(Platform.TELEGRAM, "u" + i), value);
            assertThat(reply.plainText()).isNotBlank();
            assertThat(core.accounts().find(PlatformIdentity.of(Platform.TELEGRAM, "u" + i)).orElseThrow().id())
                    .isEqualTo(accountId);
        }
        // A lone surrogate cannot be UTF-8; it is answered like any other text instead of failing the chat.
        assertThat(say(PlatformIdentity.of(Platform.TELEGRAM, "lone"), "x\uD800y").plainText()).isNotBlank();
    }

    @Test
    void aWriterWaitingOnALockedDatabaseCommitsOnceTheLockIsGone() throws Exception {
        Jdbi jdbi = TestDatabases.sqlite(dir);
        core = BotCore.create(jdbi, DeterministicCoach::new, TestSecretStores.local(jdbi, dir),
                BotCore.Settings.defaults(), Clock.systemUTC());
        PlatformIdentity runner = PlatformIdentity.of(Platform.TELEGRAM, "locked");
        say(runner, "/status");
        Path file = dir.resolve(jdbi.withHandle(h -> h.createQuery("PRAGMA database_list").mapToMap().list())
                .get(0).get("file").toString());
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> {
            try (Connection c = DriverManager.getConnection(SqliteSettings.jdbcUrl(file));
                 Statement s = c.createStatement()) {
                s.execute("BEGIN IMMEDIATE"); // another writer holds SQLite's single write lock
                s.executeUpdate("UPDATE accounts SET time_zone = 'Europe/Oslo'");
                held.countDown();
                release.await(20, TimeUnit.SECONDS);
                s.execute("COMMIT");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(held.await(20, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Reply> waiting = core.dispatcher().onInbound(Inbound.directText(runner, "/units mi", "r-lock"))
                .toCompletableFuture();
        Thread.sleep(500); // let the write reach the lock and wait on it (busy_timeout) before releasing
        release.countDown();
        holder.get(20, TimeUnit.SECONDS);

        assertThat(waiting.get(20, TimeUnit.SECONDS).plainText()).containsIgnoringCase("miles");
        var account = core.accounts().find(runner).orElseThrow();
        assertThat(account.units()).isEqualTo(UnitSystem.IMPERIAL);
        assertThat(account.timeZone()).hasValueSatisfying(z -> assertThat(z.getId()).isEqualTo("Europe/Oslo"));
    }

    @Test
    void aFullDiskRollsTheWriteBackTellsTheRunnerAndKeepsEarlierData() throws Exception {
        Path file = dir.resolve("full.db");
        Jdbi unlimited = open(file, 0);
        long pages = unlimited.withHandle(h -> h.createQuery("PRAGMA page_count").mapTo(Long.class).one());
        Jdbi jdbi = open(file, pages + 2); // a little room, then SQLITE_FULL
        core = BotCore.create(jdbi, DeterministicCoach::new, TestSecretStores.local(jdbi, dir),
                BotCore.Settings.defaults(), Clock.systemUTC());
        PlatformIdentity first = PlatformIdentity.of(Platform.TELEGRAM, "full-0");
        assertThat(say(first, "/units mi").plainText()).containsIgnoringCase("miles");

        Reply failed = null;
        int answered = 1;
        for (int i = 1; i < 3000 && failed == null; i++) {
            Reply reply = say(PlatformIdentity.of(Platform.TELEGRAM, "full-" + i), "/units mi");
            if (reply.plainText().contains("miles")) {
                answered++;
            } else {
                failed = reply;
            }
        }
        assertThat(failed).as("the disk filled up within 3000 first contacts").isNotNull();
        assertThat(failed.plainText()).contains("INTERNAL_ERROR").contains("r-").doesNotContain("SQLITE", "Exception");

        String integrity = unlimited.withHandle(h -> h.createQuery("PRAGMA integrity_check").mapTo(String.class).one());
        assertThat(integrity).isEqualTo("ok");
        long identities = unlimited.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM platform_identities")
                .mapTo(Long.class).one());
        long orphans = unlimited.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM accounts a WHERE NOT EXISTS "
                + "(SELECT 1 FROM platform_identities p WHERE p.account_id = a.id)").mapTo(Long.class).one());
        assertThat(identities).as("every answered runner is stored").isGreaterThanOrEqualTo(answered);
        assertThat(orphans).as("the failed first contact left no half-written account").isZero();
        assertThat(core.accounts().find(first).orElseThrow().units()).isEqualTo(UnitSystem.IMPERIAL);
    }

    private static Jdbi open(Path file, long maxPages) {
        SQLiteConfig config = new SQLiteConfig(SqliteSettings.properties());
        if (maxPages > 0) {
            config.setMaxPageCount((int) maxPages);
        }
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl(SqliteSettings.jdbcUrl(file));
        Migrations.migrate(ds);
        return JdbiSetup.configure(Jdbi.create(ds));
    }
}
