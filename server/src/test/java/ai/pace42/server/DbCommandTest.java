package ai.pace42.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.persistence.Migrations;
import ai.pace42.bot.persistence.SqliteSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar pace42.jar db migrate config.yml} creates the schema without starting the server. */
class DbCommandTest {

    @TempDir
    Path dir;

    @Test
    void dbMigrateCreatesTheSchemaAndIsIdempotent() throws Exception {
        Path config = dir.resolve("pace42.yml");
        Files.writeString(config, "dataDir: " + dir.resolve("data") + "\n"
                + "database:\n  migrateOnStart: false\n"
                + "logging:\n  type: external\n");

        new Pace42Application().run("db", "migrate", config.toString());
        new Pace42Application().run("db", "migrate", config.toString());

        var dataSource = SqliteSettings.dataSource(dir.resolve("data").resolve("pace42.db"));
        Jdbi jdbi = Jdbi.create(dataSource);
        List<String> tables = jdbi.withHandle(h -> h.createQuery(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").mapTo(String.class).list());
        assertThat(tables).contains("accounts", "platform_identities", "usage_daily", "audit_log");
        long failed = jdbi.withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM flyway_schema_history WHERE success = 0").mapTo(Long.class).one());
        assertThat(failed).isZero();
        assertThat(Migrations.migrate(dataSource)).as("nothing left to apply").isZero();
    }
}
