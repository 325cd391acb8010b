package ai.pace42.bot.profile;

import ai.pace42.bot.testing.TestDatabases;
import org.jdbi.v3.core.Jdbi;

class PostgresRunnerProfilesTest extends RunnerProfilesContract {

    @Override
    protected Jdbi database() {
        return TestDatabases.postgres();
    }
}
