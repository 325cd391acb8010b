package ai.pace42.bot.location;

import ai.pace42.bot.testing.TestDatabases;
import org.jdbi.v3.core.Jdbi;

class PostgresHomeLocationStoreTest extends HomeLocationStoreContract {

    @Override
    protected Jdbi database() {
        return TestDatabases.postgres();
    }
}
