package ai.pace42.bot.persistence;

import ai.pace42.bot.testing.TestDatabases;
import org.jdbi.v3.core.Jdbi;

class PostgresDatabaseDeliveriesTest extends DatabaseDeliveriesContract {

    @Override
    protected Jdbi database() {
        return TestDatabases.postgres();
    }
}
