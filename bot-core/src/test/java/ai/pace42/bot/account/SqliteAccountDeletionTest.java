package ai.pace42.bot.account;

import ai.pace42.bot.testing.TestDatabases;
import org.jdbi.v3.core.Jdbi;

class SqliteAccountDeletionTest extends AccountDeletionContract {

    @Override
    protected Jdbi database() {
        return TestDatabases.sqlite(dir);
    }
}
