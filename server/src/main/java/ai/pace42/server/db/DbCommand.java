package ai.pace42.server.db;

import ai.pace42.bot.persistence.Migrations;
import ai.pace42.server.Pace42Configuration;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/** {@code java -jar pace42.jar db migrate config.yml}: applies schema migrations and exits. */
public final class DbCommand extends ConfiguredCommand<Pace42Configuration> {

    public DbCommand() {
        super("db", "Database maintenance: 'db migrate <config>' applies schema migrations");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("action").choices("migrate").help("what to do");
        super.configure(subparser);
    }

    @Override
    protected void run(Bootstrap<Pace42Configuration> bootstrap, Namespace namespace, Pace42Configuration config)
            throws Exception {
        ManagedDataSource dataSource = Storage.dataSourceFactory(config.database(), config.dataDir())
                .build(new MetricRegistry(), "migrate");
        try {
            int applied = Migrations.migrate(dataSource);
            System.out.println("Database is up to date (" + applied + " migration(s) applied).");
        } finally {
            dataSource.stop();
        }
    }
}
