package ai.pace42.bot.account;

import ai.pace42.bot.testing.TestDatabases;
import org.jdbi.v3.core.Jdbi;

class PostgresAccountDeletionTest extends AccountDeletionContract {

    @Override
    protected Jdbi database() {
        return TestDatabases.postgres();
    }
}
