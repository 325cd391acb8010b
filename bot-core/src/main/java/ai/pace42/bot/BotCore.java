package ai.pace42.bot;

import ai.pace42.bot.account.AccountService;
import ai.pace42.bot.admin.AdminAllowList;
import ai.pace42.bot.admin.AuditLog;
import ai.pace42.bot.commands.LocationCommand;
import ai.pace42.bot.commands.StatusCommand;
import ai.pace42.bot.conversation.CommandRegistry;
import ai.pace42.bot.conversation.ConversationDispatcher;
import ai.pace42.bot.conversation.FileAnalysis;
import ai.pace42.bot.conversation.StatusContributor;
import ai.pace42.bot.data.AccountDataSources;
import ai.pace42.bot.data.LinkedSource;
import ai.pace42.bot.channel.Adapters;
import ai.pace42.bot.channel.InboundDeliveries;
import ai.pace42.bot.plans.PlanCoach;
import ai.pace42.bot.subscription.BillingWebhook;
import ai.pace42.bot.subscription.SubscriptionSettings;
import ai.pace42.bot.subscription.Subscriptions;
import ai.pace42.bot.linking.GarminLinking;
import ai.pace42.bot.linking.OneTimeLinks;
import ai.pace42.bot.location.HomeLocationStore;
import ai.pace42.bot.location.PlaceLocator;
import ai.pace42.bot.location.PlaceSearch;
import ai.pace42.bot.notice.LateDataNotice;
import ai.pace42.bot.notice.LinkHealthMonitor;
import ai.pace42.bot.secrets.SecretStore;
import ai.pace42.bot.usage.UsageLog;
import ai.pace42.coach.CoachService;
import ai.pace42.coach.model.ActivitySourceResolver;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * The platform-neutral core as the server, the adapters and tests hold it, once {@link CoreAssembly} has wired
 * it. Capabilities that arrive later register their commands on {@link #commands()} and their /status lines
 * through contributors.
 */
public final class BotCore implements AutoCloseable {

    /** Messages of conversation memory kept per account (the LLM coach's follow-up context): six exchanges. */
    public static final int CONVERSATION_WINDOW = 12;

    /**
     * @param workerThreads conversations handled in parallel
     * @param maxPending    messages waiting or running at once before new ones are refused as busy
     * @param publicUrl     the base URL of links the bot sends
     * @param linkTtl       how long a one-time link stays valid
     */
    public record Settings(AdminAllowList admins, int workerThreads, int maxPending, URI publicUrl,
                           Duration linkTtl, SubscriptionSettings subscriptions) {

        public Settings(AdminAllowList admins, int workerThreads, int maxPending, URI publicUrl, Duration linkTtl) {
            this(admins, workerThreads, maxPending, publicUrl, linkTtl, SubscriptionSettings.defaults());
        }

        public Settings withSubscriptions(SubscriptionSettings tiers) {
            return new Settings(admins, workerThreads, maxPending, publicUrl, linkTtl, tiers);
        }

        /** Defaults for tests: nobody is admin, two workers, links on localhost valid 15 minutes. */
        public static Settings defaults() {
            return new Settings(AdminAllowList.parse(""), 2, 100, URI.create("http://localhost:8080"),
                    Duration.ofMinutes(15));
        }

        public Settings withAdmins(AdminAllowList allowList) {
            return new Settings(allowList, workerThreads, maxPending, publicUrl, linkTtl, subscriptions);
        }

        public Settings withWorkers(int threads, int pending) {
            return new Settings(admins, threads, pending, publicUrl, linkTtl, subscriptions);
        }
    }

    private final AccountService accounts;
    private final UsageLog usage;
    private final AuditLog audit;
    private final OneTimeLinks links;
    private final AccountDataSources dataSources;
    private final Adapters adapters;
    private final GarminLinking garminLinking;
    private final CommandRegistry commands;
    private final StatusCommand status;
    private final ConversationDispatcher dispatcher;
    private final ExecutorService workers;
    private final InboundDeliveries deliveries;
    LocationCommand location; // set by CoreAssembly
    HomeLocationStore homeLocations; // set by CoreAssembly
    private final LinkHealthMonitor linkHealth;
    private final LateDataNotice lateData;
    PlanCoach plans; // set by CoreAssembly
    Subscriptions subscriptions; // set by CoreAssembly
    BillingWebhook billing; // set by CoreAssembly

    BotCore(AccountService accounts, UsageLog usage, AuditLog audit, OneTimeLinks links,
                    AccountDataSources dataSources, Adapters adapters, GarminLinking garminLinking,
                    CommandRegistry commands, StatusCommand status, ConversationDispatcher dispatcher,
                    ExecutorService workers, InboundDeliveries deliveries, LinkHealthMonitor linkHealth,
                    LateDataNotice lateData) {
        this.linkHealth = linkHealth;
        this.lateData = lateData;
        this.accounts = accounts;
        this.usage = usage;
        this.audit = audit;
        this.links = links;
        this.dataSources = dataSources;
        this.adapters = adapters;
        this.garminLinking = garminLinking;
        this.commands = commands;
        this.status = status;
        this.dispatcher = dispatcher;
        this.workers = workers;
        this.deliveries = deliveries;
    }

    /**
     * @param coachFactory builds the coach on the per-account data-source resolver the core owns
     * @param garmin       the runs of accounts that linked Garmin
     */
    public static BotCore create(Jdbi jdbi, Function<ActivitySourceResolver, CoachService> coachFactory,
                                 SecretStore secrets, LinkedSource garmin, FileAnalysis files, Settings settings,
                                 Clock clock) {
        return CoreAssembly.build(jdbi, coachFactory, secrets, garmin, files, settings, clock);
    }

    /** A core without Garmin, for tests and for servers where linking is not configured. */
    public static BotCore create(Jdbi jdbi, Function<ActivitySourceResolver, CoachService> coachFactory,
                                 SecretStore secrets, Settings settings, Clock clock) {
        return create(jdbi, coachFactory, secrets, LinkedSource.none(), FileAnalysis.none(), settings, clock);
    }

    public ConversationDispatcher dispatcher() {
        return dispatcher;
    }

    public CommandRegistry commands() {
        return commands;
    }

    /** Runners' home locations for weather answers (what /location sets). */
    public HomeLocationStore homeLocations() {
        return homeLocations;
    }

    /** Turns /location on with a place search (Open-Meteo's geocoding); without it /location says weather is off. */
    public void enableWeather(PlaceSearch search) {
        location.useSearch(search);
    }

    /** As {@link #enableWeather(PlaceSearch)}; a location shared through the platform gets its zone from the locator. */
    public void enableWeather(PlaceSearch search, PlaceLocator locator) {
        location.useLocator(locator);
        location.useSearch(search);
    }

    /** Plan sessions in "what's today?" and "this week" get heat-adjusted targets from this forecast service. */
    public void enablePlanWeather(ai.pace42.coach.weather.WeatherProvider weather) {
        plans.useHeat(new ai.pace42.coach.weather.SessionHeat(weather, homeLocations));
    }

    /** Capabilities that arrive later (linking, imports) add their /status lines here. */
    public void addStatusContributor(StatusContributor contributor) {
        status.addContributor(contributor);
    }

    public AccountService accounts() {
        return accounts;
    }

    public UsageLog usage() {
        return usage;
    }

    public AuditLog audit() {
        return audit;
    }

    public OneTimeLinks links() {
        return links;
    }

    public AccountDataSources dataSources() {
        return dataSources;
    }

    /** The running chat adapters; each registers here so the core can send notices. */
    public Adapters adapters() {
        return adapters;
    }

    public GarminLinking garminLinking() {
        return garminLinking;
    }

    /** Garmin credential checks: the server runs {@link LinkHealthMonitor#checkDue} on a schedule. */
    public LinkHealthMonitor linkHealth() {
        return linkHealth;
    }

    /** Tells a runner that data which missed an answer's time budget has arrived. */
    public LateDataNotice lateData() {
        return lateData;
    }

    /** Which platform deliveries were handled, shared by every instance through the database. */
    public InboundDeliveries deliveries() {
        return deliveries;
    }

    /** Training plans: the plan coach and its store, for the JSON API. */
    public PlanCoach plans() {
        return plans;
    }

    public Subscriptions subscriptions() {
        return subscriptions;
    }

    /** The billing webhook's verification and entitlement changes, for the server's endpoint. */
    public BillingWebhook billing() {
        return billing;
    }

    /** Lets conversations in flight finish (up to 10 s), then stops the workers. */
    @Override
    public void close() {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
