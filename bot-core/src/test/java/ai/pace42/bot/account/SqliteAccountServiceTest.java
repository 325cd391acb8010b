package ai.pace42.bot.account;

import ai.pace42.bot.testing.TestDatabases;
import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;

class SqliteAccountServiceTest extends AccountServiceContract {

    @TempDir
    Path dir;

    @Override
    protected Jdbi database() {
        return TestDatabases.sqlite(dir);
    }

    @Override
    protected String trueLiteral() {
        return "1";
    }
}
