package ai.pace42.bot.admin;

import ai.pace42.bot.testing.TestDatabases;
import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;

class SqliteBroadcastDraftsTest extends BroadcastDraftsContract {

    @TempDir
    Path dir;

    @Override
    protected Jdbi database() {
        return TestDatabases.sqlite(dir);
    }
}
