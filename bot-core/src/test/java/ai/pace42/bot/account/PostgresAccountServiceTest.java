package ai.pace42.bot.account;

import ai.pace42.bot.testing.TestDatabases;
import org.jdbi.v3.core.Jdbi;

class PostgresAccountServiceTest extends AccountServiceContract {

    @Override
    protected Jdbi database() {
        return TestDatabases.postgres();
    }

    @Override
    protected String trueLiteral() {
        return "true";
    }
}
