package ai.pace42.bot.usage;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Per-day message counters. */
public interface UsageDao {

    /** Also run through the fluent API on the per-message path ({@link UsageLog#recordMessage}). */
    String RECORD_MESSAGE = "INSERT INTO usage_daily (account_id, day, platform, messages) "
            + "VALUES (:accountId, :day, :platform, 1) "
            + "ON CONFLICT (account_id, day, platform) DO UPDATE SET messages = usage_daily.messages + 1";

    @SqlUpdate(RECORD_MESSAGE)
    void recordMessage(@Bind("accountId") String accountId, @Bind("day") String day,
                       @Bind("platform") String platform);

    @SqlQuery("SELECT COALESCE(SUM(messages), 0) FROM usage_daily WHERE day = :day")
    long messagesOn(@Bind("day") String day);

    @SqlQuery("SELECT COALESCE(SUM(messages), 0) FROM usage_daily WHERE account_id = :accountId AND day >= :fromDay")
    long messagesSince(@Bind("accountId") String accountId, @Bind("fromDay") String fromDay);
}
