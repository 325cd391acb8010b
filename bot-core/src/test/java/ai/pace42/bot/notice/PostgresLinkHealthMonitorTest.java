package ai.pace42.bot.notice;

import ai.pace42.bot.testing.TestDatabases;
import org.jdbi.v3.core.Jdbi;

class PostgresLinkHealthMonitorTest extends LinkHealthMonitorContract {

    @Override
    protected Jdbi database() {
        return TestDatabases.postgres();
    }
}
