package ai.pace42.server.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.pace42.bot.secrets.LocalSecretStore;
import ai.pace42.bot.secrets.SecretStoreUnavailableException;
import ai.pace42.bot.testing.TestDatabases;
import ai.pace42.server.Pace42Application;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the server chooses, keys and seals the embedded secret store across restarts. */
class SecretStoresTest {

    @TempDir
    Path dir;

    private Jdbi jdbi;

    @BeforeEach
    void setUp() {
        jdbi = TestDatabases.sqlite(dir);
        jdbi.useHandle(h -> h.execute("INSERT INTO accounts (id, created_at) VALUES ('acc_a', 0)"));
    }

    private static SecretStoreConfig config(Map<String, String> values) {
        return new ObjectMapper().convertValue(values, SecretStoreConfig.class);
    }

    @Test
    void theFirstStartCreatesAKeyFileAndLaterStartsReuseIt() {
        LocalSecretStore first = SecretStores.local(config(Map.of()), dir, jdbi, Clock.systemUTC());
        first.put("acc_a", "garmin", "tok");

        assertThat(dir.resolve("secret-store.key")).exists();
        LocalSecretStore restarted = SecretStores.local(config(Map.of()), dir, jdbi, Clock.systemUTC());
        assertThat(restarted.get("acc_a", "garmin")).contains("tok");
    }

    @Test
    void aLostKeySealsTheStoreInsteadOfMakingANewKey() throws Exception {
        SecretStores.local(config(Map.of()), dir, jdbi, Clock.systemUTC()).put("acc_a", "garmin", "tok");
        Files.delete(dir.resolve("secret-store.key"));

        LocalSecretStore sealed = SecretStores.local(config(Map.of()), dir, jdbi, Clock.systemUTC());

        assertThat(sealed.health().healthy()).isFalse();
        assertThat(dir.resolve("secret-store.key")).doesNotExist();
        assertThatThrownBy(() -> sealed.get("acc_a", "garmin")).isInstanceOf(SecretStoreUnavailableException.class);
    }

    @Test
    void aKeyFromConfigurationIsUsedWithoutAFile() {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        SecretStores.local(config(Map.of("key", key)), dir, jdbi, Clock.systemUTC()).put("acc_a", "garmin", "tok");

        assertThat(dir.resolve("secret-store.key")).doesNotExist();
        assertThat(SecretStores.local(config(Map.of("key", key)), dir, jdbi, Clock.systemUTC()).get("acc_a", "garmin"))
                .contains("tok");
    }

    @Test
    void anUnknownStoreKindIsRefusedAtStart() {
        assertThatThrownBy(() -> SecretStores.create(config(Map.of("store", "s3")), dir, jdbi, Clock.systemUTC()))
                .hasMessageContaining("'local' or 'vault'");
    }

    @Test
    void theRotateCommandReencryptsTheStore() throws Exception {
        Path data = dir.resolve("data");
        Path yml = dir.resolve("pace42.yml");
        Files.writeString(yml, "dataDir: " + data + "\nlogging:\n  type: external\n");
        new Pace42Application().run("db", "migrate", yml.toString());
        Jdbi appDb = Jdbi.create(ai.pace42.bot.persistence.SqliteSettings.dataSource(data.resolve("pace42.db")));
        appDb.useHandle(h -> h.execute("INSERT INTO accounts (id, created_at) VALUES ('acc_a', 0)"));
        SecretStores.local(config(Map.of()), data, appDb, Clock.systemUTC()).put("acc_a", "garmin", "tok");
        String before = ciphertext(appDb);

        new Pace42Application().run("rotate-secret-key", yml.toString());

        assertThat(ciphertext(appDb)).isNotEqualTo(before);
        assertThat(SecretStores.local(config(Map.of()), data, appDb, Clock.systemUTC()).get("acc_a", "garmin"))
                .contains("tok");
    }

    private static String ciphertext(Jdbi db) {
        return db.withHandle(h -> h.createQuery("SELECT ciphertext FROM secrets").mapTo(String.class).one());
    }
}
