package ai.pace42.bot.admin;

import ai.pace42.bot.testing.TestDatabases;
import org.jdbi.v3.core.Jdbi;

class PostgresBroadcastDraftsTest extends BroadcastDraftsContract {

    @Override
    protected Jdbi database() {
        return TestDatabases.postgres();
    }
}
