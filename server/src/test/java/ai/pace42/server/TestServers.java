package ai.pace42.server;

import ai.pace42.bot.testing.TestDatabases;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The real application on random ports with the shipped config/pace42.yml, on SQLite or PostgreSQL. */
public final class TestServers {

    /** The config a user runs, so tests catch a broken default config. */
    public static final String CONFIG = Path.of("..", "config", "pace42.yml").toAbsolutePath().toString();

    private TestServers() {
    }

    public static DropwizardAppExtension<Pace42Configuration> sqlite(ConfigOverride... extra) {
        return app(Pace42Application.class, extra);
    }

    /** A subclass of the application, e.g. one that offers a stand-in Garmin link method. */
    public static DropwizardAppExtension<Pace42Configuration> sqlite(
            Class<? extends Pace42Application> application, ConfigOverride... extra) {
        return app(application, extra);
    }

    public static DropwizardAppExtension<Pace42Configuration> postgres(ConfigOverride... extra) {
        List<ConfigOverride> all = new ArrayList<>(Arrays.asList(extra));
        all.add(ConfigOverride.config("database.url", TestDatabases.postgresUrl()));
        all.add(ConfigOverride.config("database.user", "postgres"));
        return app(Pace42Application.class, all.toArray(ConfigOverride[]::new));
    }

    /**
     * An instance whose overrides live under its own system-property prefix. Two instances in one test must not
     * share "dw.": each override restores the value it found at start, so the second one would put the first one's
     * settings (its Telegram token, database, data directory) back for every later test in the JVM.
     */
    public static DropwizardAppExtension<Pace42Configuration> sqliteUnderPrefix(String prefix,
            Class<? extends Pace42Application> application, java.util.Map<String, String> overrides) {
        return sqliteUnderPrefix(prefix, tempDir(), application, overrides);
    }

    /** As above, on a given data directory: several instances under their own prefixes on one SQLite file. */
    public static DropwizardAppExtension<Pace42Configuration> sqliteUnderPrefix(String prefix, Path dataDir,
            Class<? extends Pace42Application> application, java.util.Map<String, String> overrides) {
        List<ConfigOverride> all = new ArrayList<>();
        all.add(ConfigOverride.config(prefix, "dataDir", dataDir.toString()));
        all.add(ConfigOverride.config(prefix, "server.applicationConnectors[0].port", "0"));
        all.add(ConfigOverride.config(prefix, "server.adminConnectors[0].port", "0"));
        overrides.forEach((k, v) -> all.add(ConfigOverride.config(prefix, k, v)));
        return new DropwizardAppExtension<>(application, CONFIG, prefix, all.toArray(ConfigOverride[]::new));
    }

    private static DropwizardAppExtension<Pace42Configuration> app(Class<? extends Pace42Application> application,
                                                                    ConfigOverride... extra) {
        return app(application, tempDir(), extra);
    }

    private static DropwizardAppExtension<Pace42Configuration> app(Class<? extends Pace42Application> application,
                                                                    Path dataDir, ConfigOverride... extra) {
        List<ConfigOverride> all = new ArrayList<>();
        all.add(ConfigOverride.config("dataDir", dataDir.toString()));
        all.add(ConfigOverride.config("server.applicationConnectors[0].port", "0"));
        all.add(ConfigOverride.config("server.adminConnectors[0].port", "0"));
        all.addAll(Arrays.asList(extra));
        return new DropwizardAppExtension<>(application, CONFIG, all.toArray(ConfigOverride[]::new));
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("pace42-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
