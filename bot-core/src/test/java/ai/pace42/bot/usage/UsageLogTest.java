package ai.pace42.bot.usage;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.account.AccountService;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.testing.MutableClock;
import ai.pace42.bot.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-day message counter, written on every message through the fluent API (issue #19). */
class UsageLogTest {

    @TempDir
    Path dir;

    @Test
    void everyMessageCountsOnceForItsAccountAndDay() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
        Jdbi jdbi = TestDatabases.sqlite(dir);
        AccountService accounts = new AccountService(jdbi, clock);
        String ana = accounts.resolve(PlatformIdentity.of(Platform.WEB, "a".repeat(32)), "").id();
        String ben = accounts.resolve(PlatformIdentity.of(Platform.WEB, "b".repeat(32)), "").id();
        UsageLog usage = new UsageLog(jdbi, clock);

        usage.recordMessage(ana, Platform.WEB);
        usage.recordMessage(ana, Platform.WEB);
        usage.recordMessage(ben, Platform.WEB);

        assertThat(usage.messagesToday()).isEqualTo(3);
        assertThat(usage.messagesOfAccount(ana, 1)).isEqualTo(2);
        assertThat(usage.messagesOfAccount(ben, 1)).isEqualTo(1);
    }
}
