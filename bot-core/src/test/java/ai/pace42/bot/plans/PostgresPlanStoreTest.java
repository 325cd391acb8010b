package ai.pace42.bot.plans;

import ai.pace42.bot.testing.TestDatabases;
import org.jdbi.v3.core.Jdbi;

class PostgresPlanStoreTest extends PlanStoreContract {

    @Override
    protected Jdbi database() {
        return TestDatabases.postgres();
    }
}
