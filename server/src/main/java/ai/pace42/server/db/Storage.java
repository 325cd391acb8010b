package ai.pace42.server.db;

import ai.pace42.bot.persistence.SqliteSettings;
import ai.pace42.server.DatabaseConfig;
import io.dropwizard.db.DataSourceFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Turns pace42's database settings into a Dropwizard data source: SQLite by default, PostgreSQL by URL. */
public final class Storage {

    private Storage() {
    }

    public static DataSourceFactory dataSourceFactory(DatabaseConfig config, Path dataDir) {
        DataSourceFactory f = new DataSourceFactory();
        String url = config.url();
        if (url.isEmpty()) {
            url = SqliteSettings.jdbcUrl(ensureDirectory(dataDir).resolve("pace42.db"));
        }
        f.setUrl(url);
        f.setValidationQuery("SELECT 1");
        f.setInitialSize(1);
        f.setMinSize(1);
        if (SqliteSettings.isSqlite(url)) {
            f.setDriverClass("org.sqlite.JDBC");
            f.setProperties(SqliteSettings.CONNECTION_PROPERTIES);
            // SQLite writes one at a time anyway; a few connections serve concurrent readers.
            f.setMaxSize(Math.min(config.maxConnections(), 8));
        } else if (url.startsWith("jdbc:postgresql:")) {
            f.setDriverClass("org.postgresql.Driver");
            f.setUser(config.user());
            f.setPassword(config.password());
            f.setMaxSize(config.maxConnections());
        } else {
            throw new IllegalArgumentException("PACE42_DATABASE_URL must be a jdbc:postgresql: or jdbc:sqlite: URL");
        }
        return f;
    }

    public static Path ensureDirectory(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dir.toAbsolutePath(), e);
        }
    }
}
