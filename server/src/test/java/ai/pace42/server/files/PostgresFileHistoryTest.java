package ai.pace42.server.files;

import ai.pace42.bot.testing.TestDatabases;
import org.jdbi.v3.core.Jdbi;

class PostgresFileHistoryTest extends FileHistoryContract {

    @Override
    protected Jdbi database() {
        return TestDatabases.postgres();
    }
}
