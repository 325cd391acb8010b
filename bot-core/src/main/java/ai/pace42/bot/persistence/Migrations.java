package ai.pace42.bot.persistence;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Applies the schema migrations under {@code db/migration}; the same scripts run on SQLite and PostgreSQL. */
public final class Migrations {

    private Migrations() {
    }

    /** Migrates to the newest version and returns how many migrations were applied. */
    public static int migrate(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate()
                .migrationsExecuted;
    }
}
