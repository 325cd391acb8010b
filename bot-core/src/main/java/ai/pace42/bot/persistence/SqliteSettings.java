package ai.pace42.bot.persistence;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.sqlite.SQLiteDataSource;

/**
 * The SQLite connection settings pace42 needs. The driver's defaults (rollback journal, foreign keys off,
 * deferred transactions) would lose concurrency and integrity, so every connection gets these.
 */
public final class SqliteSettings {

    /**
     * WAL lets readers proceed during a write; {@code transaction_mode=IMMEDIATE} makes every transaction start
     * with {@code BEGIN IMMEDIATE}, so a read that later writes cannot fail with SQLITE_BUSY_SNAPSHOT.
     * {@code synchronous=FULL} syncs the WAL on every commit, so a committed secret, link redemption or
     * acknowledged Garmin notification survives an OS crash or power loss too (NORMAL survives only a process
     * crash). It is set for every connection rather than around those writes: pooled connections would otherwise
     * carry whichever mode the last transaction left, and pace42's write rate (a few rows per chat message) makes
     * the extra sync per commit cheap.
     */
    public static final Map<String, String> CONNECTION_PROPERTIES = Map.of(
            "journal_mode", "WAL",
            "foreign_keys", "true",
            "busy_timeout", "10000",
            "synchronous", "FULL",
            "transaction_mode", "IMMEDIATE");

    private SqliteSettings() {
    }

    public static String jdbcUrl(Path databaseFile) {
        return "jdbc:sqlite:" + databaseFile.toAbsolutePath();
    }

    public static boolean isSqlite(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:sqlite:");
    }

    public static Properties properties() {
        Properties p = new Properties();
        p.putAll(CONNECTION_PROPERTIES);
        return p;
    }

    /** A plain data source with the settings applied, for tools and tests that run without a pool. */
    public static SQLiteDataSource dataSource(Path databaseFile) {
        SQLiteDataSource ds = new SQLiteDataSource(new org.sqlite.SQLiteConfig(properties()));
        ds.setUrl(jdbcUrl(databaseFile));
        return ds;
    }
}
