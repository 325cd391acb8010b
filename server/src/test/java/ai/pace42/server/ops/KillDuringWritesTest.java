package ai.pace42.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.account.AccountService;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.persistence.JdbiSetup;
import ai.pace42.bot.persistence.Migrations;
import ai.pace42.bot.persistence.SqliteSettings;
import ai.pace42.coach.UnitSystem;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault 26 of the reference matrix: a child JVM writes through the product's own storage (a first contact creates
 * an account, then a setting is changed) and prints "ACK n" after each committed write, as a webhook answers 200
 * only after its work is stored. It is killed with SIGKILL at a random point, five times. After every kill the
 * database passes SQLite's integrity check, every acknowledged write is there exactly once, at most the one in
 * flight is missing, and the restarted writer redoes that one idempotently (no second account for one identity).
 */
class KillDuringWritesTest {

    private static final int KILLS = 5;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedWriteSurvivesKill9AndTheDatabaseStaysIntact() throws Exception {
        Path db = dir.resolve("kill.db");
        Random random = new Random(42);
        open(db); // migrated once here, so each child only opens the file and starts writing
        int acknowledged = 0; // writes 0..acknowledged-1 were acknowledged
        for (int kill = 1; kill <= KILLS; kill++) {
            int ackThisRound = 5 + random.nextInt(15);
            Process child = new ProcessBuilder(javaBinary(), "-Xmx96m", "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"), Writer.class.getName(), db.toString(),
                    Integer.toString(acknowledged)).redirectErrorStream(true).start();
            int highest = acknowledged - 1;
            List<String> other = new ArrayList<>();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                int seen = 0;
                while (seen < ackThisRound && (line = out.readLine()) != null) {
                    if (line.startsWith("ACK ")) {
                        highest = Integer.parseInt(line.substring(4));
                        seen++;
                    } else {
                        other.add(line);
                    }
                }
                child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no close, mid-write
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(highest).as("the writer acknowledged writes in round %d (output: %s)", kill, other)
                    .isGreaterThanOrEqualTo(acknowledged);
            acknowledged = highest + 1;

            Jdbi jdbi = open(db);
            String integrity = jdbi.withHandle(h -> h.createQuery("PRAGMA integrity_check").mapTo(String.class).one());
            assertThat(integrity).as("integrity after kill %d", kill).isEqualTo("ok");
            AccountService accounts = new AccountService(jdbi, Clock.systemUTC());
            for (int i = 0; i < acknowledged; i++) {
                PlatformIdentity who = Writer.identity(i);
                assertThat(accounts.find(who)).as("acknowledged write %d after kill %d", i, kill).hasValueSatisfying(
                        account -> assertThat(account.units()).isEqualTo(UnitSystem.IMPERIAL));
            }
            long identities = jdbi.withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM platform_identities WHERE user_id LIKE 'kill-%'")
                    .mapTo(Long.class).one());
            assertThat(identities).as("acknowledged plus at most the one in flight").isBetween((long) acknowledged,
                    acknowledged + 1L);
            long orphanAccounts = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM accounts a WHERE NOT EXISTS"
                    + " (SELECT 1 FROM platform_identities p WHERE p.account_id = a.id)").mapTo(Long.class).one());
            assertThat(orphanAccounts).as("no half-written first contact").isZero();
        }
        assertThat(acknowledged).isGreaterThanOrEqualTo(KILLS * 5);
    }

    private static Jdbi open(Path db) {
        DataSource ds = SqliteSettings.dataSource(db);
        Migrations.migrate(ds);
        return JdbiSetup.configure(Jdbi.create(ds));
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The child: writes from {@code start} on until it is killed, acknowledging each write once committed. */
    public static final class Writer {

        static PlatformIdentity identity(int i) {
            return PlatformIdentity.of(Platform.TELEGRAM, "kill-" + i);
        }

        public static void main(String[] args) {
            Path db = Path.of(args[0]);
            int start = Integer.parseInt(args[1]);
            AccountService accounts = new AccountService(JdbiSetup.configure(Jdbi.create(SqliteSettings.dataSource(db))),
                    Clock.systemUTC());
            for (int i = start; ; i++) {
                // A redelivered first contact must find the account the killed run may have created.
                String id = accounts.resolve(identity(i), "Runner " + i).id();
                accounts.setUnits(id, UnitSystem.IMPERIAL);
                System.out.println("ACK " + i);
                System.out.flush();
            }
        }
    }
}
