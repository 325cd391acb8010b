package ai.pace42.bot.subscription;

import ai.pace42.bot.testing.TestDatabases;
import org.jdbi.v3.core.Jdbi;

class PostgresSubscriptionTest extends SubscriptionContract {

    @Override
    protected Jdbi database() {
        return TestDatabases.postgres();
    }
}
