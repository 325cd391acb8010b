package ai.pace42.server;

import ai.pace42.bot.BotCore;
import ai.pace42.bot.admin.AdminAllowList;
import ai.pace42.bot.persistence.JdbiSetup;
import ai.pace42.bot.persistence.Migrations;
import ai.pace42.bot.profile.RunnerProfiles;
import ai.pace42.bot.secrets.SecretStore;
import ai.pace42.coach.CoachService;
import ai.pace42.coach.model.ActivitySourceResolver;
import ai.pace42.bot.location.HomeLocationStore;
import ai.pace42.server.weather.WeatherWiring;
import ai.pace42.coach.model.AthleteProfile;
import ai.pace42.coach.DeterministicCoach;
import ai.pace42.coach.cache.CachingCoach;
import ai.pace42.garmin.files.SafeXml;
import ai.pace42.llm.LlmCoaches;
import ai.pace42.bot.admin.AdminOverview;
import ai.pace42.server.admin.AdminPage;
import ai.pace42.server.admin.PrometheusEndpoint;
import ai.pace42.server.db.DbCommand;
import ai.pace42.server.db.Storage;
import ai.pace42.server.errors.JsonErrorMapper;
import ai.pace42.server.files.ImportedRuns;
import ai.pace42.server.errors.Pace42ExceptionMapper;
import ai.pace42.server.errors.UnexpectedErrorMapper;
import ai.pace42.server.errors.WebApplicationExceptionMapper;
import ai.pace42.server.http.AdminBinding;
import ai.pace42.server.http.BodyLimitFilter;
import ai.pace42.server.http.BodyLimits;
import ai.pace42.server.http.JsonLimits;
import ai.pace42.server.http.MaskedThreadNames;
import ai.pace42.server.http.RequestIdFilter;
import ai.pace42.server.http.SecurityHeadersFilter;
import ai.pace42.server.secrets.RotateSecretKeyCommand;
import ai.pace42.server.secrets.SecretStoreHealthCheck;
import ai.pace42.server.secrets.SecretStores;
import ai.pace42.server.garmin.ActivityFileAnalysis;
import ai.pace42.server.garmin.AnalyzeCommand;
import ai.pace42.server.garmin.FlowStatePurge;
import ai.pace42.server.garmin.GarminWiring;
import ai.pace42.server.link.CsrfTokens;
import ai.pace42.server.link.LinkMethod;
import ai.pace42.server.link.LinkPageResource;
import ai.pace42.server.web.ChatApiResource;
import ai.pace42.server.web.ChatFilesResource;
import ai.pace42.server.web.ChatHistoryResource;
import ai.pace42.server.web.WebChannel;
import ai.pace42.server.web.WebHistory;
import ai.pace42.server.billing.BillingWebhookResource;
import ai.pace42.server.plans.PlansApiResource;
import ai.pace42.server.web.WebChatResource;
import ai.pace42.server.web.WebIdentity;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.lifecycle.Managed;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Function;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** The pace42 server: wires storage, the core, the coach and the channels, and serves the browser chat. */
public class Pace42Application extends Application<Pace42Configuration> {

    private static final Logger LOG = LoggerFactory.getLogger(Pace42Application.class);
    /** At most this many Garmin credential checks per 5-minute round and instance (one call each). */
    private static final int LINK_CHECKS_PER_ROUND = 20;

    public static void main(String[] args) throws Exception {
        // Before anything parses XML: JVM-wide XML limits, also for `java -jar pace42.jar analyze x.gpx`.
        SafeXml.installJvmDefaults();
        new Pace42Application().run(args);
    }

    @Override
    public String getName() {
        return "pace42";
    }

    /** Logging is configured by logback.xml (plain console lines, a JSON file), not by Dropwizard's bootstrap. */
    @Override
    protected void bootstrapLogging() {
        // Libraries that log through java.util.logging (the coach engine among them) reach logback too.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }

    @Override
    public void initialize(Bootstrap<Pace42Configuration> bootstrap) {
        // ${VAR:-default} in the YAML: unset variables fall back to the embedded defaults.
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        bootstrap.addCommand(new DbCommand());
        bootstrap.addCommand(new RotateSecretKeyCommand());
        bootstrap.addCommand(new AnalyzeCommand());
    }

    @Override
    public void run(Pace42Configuration config, Environment environment) {
        Storage.ensureDirectory(config.dataDir());
        Jdbi jdbi = database(config, environment);
        Clock clock = clock();
        SecretStore secrets = SecretStores.create(config.secrets(), config.dataDir(), jdbi, clock);
        environment.healthChecks().register("secret-store", new SecretStoreHealthCheck(secrets));
        BotCore.Settings settings = new BotCore.Settings(AdminAllowList.parse(config.admins()),
                config.conversation().workerThreads(), config.conversation().maxPending(), config.publicUrl(),
                config.linkTtl()).withSubscriptions(config.subscriptions().settings());
        GarminWiring garmin = GarminWiring.create(config.garmin(), secrets, jdbi, config.publicUrl(), clock);
        ImportedRuns importedRuns = new ImportedRuns(jdbi, clock);
        WeatherWiring weather = WeatherWiring.create(config.weather(), clock);
        LlmCoaches llm = new LlmCoaches(config.llm().settings(), jdbi, clock);
        RunnerProfiles profiles = new RunnerProfiles(jdbi, clock);
        // One coach stack for questions and uploads: the core asks it with an upload's runs for that turn.
        Function<ActivitySourceResolver, CoachService> coaches =
                llm.factory(weather.coach(new HomeLocationStore(jdbi, clock),
                        sources -> new CachingCoach(sources, DeterministicCoach::new)));
        BotCore core = BotCore.create(jdbi, coaches, secrets, garmin.linkedSource(),
                new ActivityFileAnalysis(importedRuns, id -> profiles.over(id, AthleteProfile.unknown())),
                settings, clock);
        weather.register(core);
        core.addStatusContributor(llm.status());
        core.dataSources().readImportedFiles(importedRuns);
        garmin.onLateData(core.lateData()::arrived);
        environment.lifecycle().manage(new Managed() {
            @Override
            public void stop() {
                core.close();
                llm.close();
            }
        });

        // Staged Garmin tokens whose chat never confirmed are deleted (and given up at Garmin) within a minute.
        environment.lifecycle().scheduledExecutorService("link-confirmations").threads(1).build()
                .scheduleWithFixedDelay(() -> purgeUnconfirmedLinks(core), 1, 1, TimeUnit.MINUTES);

        // Garmin credential checks: a bounded round every few minutes; each link is due every 12 h ± 1 h.
        environment.lifecycle().scheduledExecutorService("link-health").threads(1).build()
                .scheduleWithFixedDelay(() -> core.linkHealth().checkDue(LINK_CHECKS_PER_ROUND), 2, 5,
                        TimeUnit.MINUTES);

        // Admin port: Prometheus text next to Dropwizard's /metrics, and the read-only admin page.
        environment.admin().addServlet("prometheus", new PrometheusEndpoint()).addMapping("/prometheus");
        environment.admin().addServlet("pace42-admin", new AdminPage(new AdminOverview(jdbi, core.linkHealth(),
                io.micrometer.core.instrument.Metrics.globalRegistry, clock))).addMapping("/pace42");

        AdminBinding.warning(config.getServerFactory()).ifPresent(LOG::warn);
        environment.servlets().addFilter("thread-names", new MaskedThreadNames())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        environment.servlets().addFilter("request-id", new RequestIdFilter())
                .addMappingForUrlPatterns(EnumSet.allOf(DispatcherType.class), false, "/*");
        environment.servlets().addFilter("security-headers", new SecurityHeadersFilter(config.publicUrl()))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
        // Before any parsing: the body limit, then Jackson's own limits on what it reads.
        environment.servlets().addFilter("body-limit",
                        new BodyLimitFilter(BodyLimits.standard(), environment.getObjectMapper()))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
        JsonLimits.apply(environment.getObjectMapper());

        environment.jersey().register(new Pace42ExceptionMapper());
        environment.jersey().register(new WebApplicationExceptionMapper());
        environment.jersey().register(new JsonErrorMapper());
        environment.jersey().register(new UnexpectedErrorMapper());

        WebIdentity webIdentity = new WebIdentity("https".equals(config.publicUrl().getScheme()));
        environment.jersey().register(new WebChatResource(webIdentity));
        environment.jersey().register(new BillingWebhookResource(core.billing()));
        environment.jersey().register(new PlansApiResource(webIdentity, core.accounts(), core.plans(), core.subscriptions(), clock));
        WebChannel web = new WebChannel(new WebHistory(jdbi, clock, environment.getObjectMapper()));
        web.start(core.dispatcher());
        core.adapters().register(web);
        int replyTimeout = config.conversation().replyTimeoutSeconds();
        environment.jersey().register(new ChatApiResource(web, webIdentity, core.accounts(), replyTimeout));
        environment.jersey().register(new ChatFilesResource(web, webIdentity, replyTimeout));
        environment.jersey().register(new ChatHistoryResource(web, webIdentity));
        environment.jersey().register(new LinkPageResource(core.garminLinking(), linkMethods(garmin), CsrfTokens.shared(jdbi, secrets, clock),
                config.publicUrl(), clock, config.trustedProxies()));
        environment.lifecycle().manage(new FlowStatePurge(garmin.flowState()));
        garmin.partnerEndpoints().ifPresent(partner -> {
            environment.jersey().register(partner.resource());
            environment.lifecycle().manage(new Managed() {
                @Override
                public void start() {
                    partner.deliveries().start();
                }

                @Override
                public void stop() {
                    partner.deliveries().close();
                }
            });
        });
        TelegramWiring.register(config, environment, core);
        DiscordWiring.register(config, environment, core);
        SlackWiring.register(config, environment, core, jdbi, secrets, clock);
        addChannels(environment, core);
        LOG.info("pace42 ready: browser chat at {}/", config.publicUrl());
    }

    private static void purgeUnconfirmedLinks(BotCore core) {
        try {
            core.garminLinking().purgeExpired();
        } catch (RuntimeException e) { // e.g. a sealed secret store: try again next minute, keep the schedule
            LOG.warn("purging unconfirmed Garmin links failed: {}", e.getClass().getSimpleName());
        }
    }

    /** Hook for embedding and tests: chat adapters beyond the configured platforms. */
    protected void addChannels(Environment environment, BotCore core) {
    }

    /** The server's clock; tests replace it to move time (e.g. past a link's expiry). */
    protected Clock clock() {
        return Clock.systemUTC();
    }

    /** The ways to connect Garmin that this server offers on the link page. */
    protected List<LinkMethod> linkMethods(GarminWiring garmin) {
        return garmin.linkMethods();
    }

    private static Jdbi database(Pace42Configuration config, Environment environment) {
        DataSourceFactory factory = Storage.dataSourceFactory(config.database(), config.dataDir());
        ManagedDataSource dataSource = factory.build(environment.metrics(), "database");
        if (config.database().migrateOnStart()) {
            int applied = Migrations.migrate(dataSource);
            LOG.info("database migrated ({} migration(s) applied)", applied);
        }
        // Registers the "database" health check and the pool's metrics on the admin port.
        return JdbiSetup.configure(new JdbiFactory().build(environment, factory, dataSource, "database"));
    }
}
