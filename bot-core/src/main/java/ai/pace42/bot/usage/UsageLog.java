package ai.pace42.bot.usage;

import ai.pace42.bot.channel.Platform;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jdbi.v3.core.Jdbi;

/** Counts messages per account, day (UTC) and platform. Contents are never stored. */
public final class UsageLog {

    private final Jdbi jdbi;
    private final Clock clock;

    public UsageLog(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public void recordMessage(String accountId, Platform platform) {
        // Every message: the fluent API, as attaching the SqlObject costs more than the statement (see AccountService).
        jdbi.useHandle(h -> h.createUpdate(UsageDao.RECORD_MESSAGE).bind("accountId", accountId)
                .bind("day", today().toString()).bind("platform", platform.id()).execute());
    }

    public long messagesToday() {
        return jdbi.withExtension(UsageDao.class, dao -> dao.messagesOn(today().toString()));
    }

    /** Messages of one account over the last {@code days} days, today included. */
    public long messagesOfAccount(String accountId, int days) {
        String from = today().minusDays(days - 1L).toString();
        return jdbi.withExtension(UsageDao.class, dao -> dao.messagesSince(accountId, from));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }
}
