package ai.pace42.server.secrets;

import ai.pace42.bot.persistence.JdbiSetup;
import ai.pace42.bot.persistence.Migrations;
import ai.pace42.bot.secrets.LocalSecretStore;
import ai.pace42.server.Pace42Configuration;
import ai.pace42.server.db.Storage;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import java.time.Clock;
import net.sourceforge.argparse4j.inf.Namespace;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code java -jar pace42.jar rotate-secret-key config.yml}: adds a new data key to the local secret store,
 * re-encrypts every secret under it and disables the old key. Run it while no other instance writes secrets.
 */
public final class RotateSecretKeyCommand extends ConfiguredCommand<Pace42Configuration> {

    public RotateSecretKeyCommand() {
        super("rotate-secret-key", "Re-encrypt every secret of the local secret store under a new data key");
    }

    @Override
    protected void run(Bootstrap<Pace42Configuration> bootstrap, Namespace namespace, Pace42Configuration config)
            throws Exception {
        if (!"local".equals(config.secrets().store())) {
            throw new IllegalStateException("rotate-secret-key applies to the local store; Vault rotates its own keys");
        }
        ManagedDataSource dataSource = Storage.dataSourceFactory(config.database(), config.dataDir())
                .build(new MetricRegistry(), "rotate");
        try {
            Migrations.migrate(dataSource);
            Jdbi jdbi = JdbiSetup.configure(Jdbi.create(dataSource));
            LocalSecretStore store = SecretStores.local(config.secrets(), config.dataDir(), jdbi, Clock.systemUTC());
            if (!store.health().healthy()) {
                throw new IllegalStateException(store.health().message());
            }
            System.out.println("Re-encrypted " + store.rotate() + " secret(s) under a new key.");
        } finally {
            dataSource.stop();
        }
    }
}
