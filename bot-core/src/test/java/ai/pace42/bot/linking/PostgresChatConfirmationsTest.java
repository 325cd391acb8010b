package ai.pace42.bot.linking;

import ai.pace42.bot.testing.TestDatabases;
import org.jdbi.v3.core.Jdbi;

class PostgresChatConfirmationsTest extends ChatConfirmationsContract {

    @Override
    protected Jdbi database() {
        return TestDatabases.postgres();
    }
}
