package ai.pace42.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.server.DatabaseConfig;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.ManagedDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every pooled SQLite connection of the server syncs each commit (synchronous=FULL), so the writes that must
 * survive a power loss (secrets, link redemptions, acknowledged Garmin notifications) do, whichever
 * connection the pool hands out.
 */
class SqliteDurabilityTest {

    @Test
    void everyConnectionThePoolHandsOutSyncsEachCommit() throws Exception {
        Path dir = Files.createTempDirectory("pace42-durability");
        ManagedDataSource pool = Storage.dataSourceFactory(new DatabaseConfig(), dir)
                .build(new MetricRegistry(), "durability");
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                held.add(pool.getConnection()); // held at once, so these are four different connections
            }
            for (Connection c : held) {
                assertThat(pragma(c, "synchronous")).as("2 is FULL").isEqualTo("2");
                assertThat(pragma(c, "journal_mode")).isEqualToIgnoringCase("wal");
            }
        } finally {
            for (Connection c : held) {
                c.close();
            }
            pool.stop();
        }
    }

    private static String pragma(Connection c, String name) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
