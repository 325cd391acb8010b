package ai.pace42.server.garmin.cache;

import ai.pace42.bot.testing.TestDatabases;
import org.jdbi.v3.core.Jdbi;

class PostgresActivityCacheTest extends ActivityCacheContract {

    @Override
    protected Jdbi database() {
        return TestDatabases.postgres();
    }
}
