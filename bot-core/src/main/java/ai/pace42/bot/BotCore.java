package ai.pace42.bot;

import ai.pace42.bot.concurrent.DaemonThreads;
import ai.pace42.bot.account.AccountDeletion;
import ai.pace42.bot.account.AccountJoin;
import ai.pace42.bot.account.AccountService;
import ai.pace42.bot.account.JoinRequests;
import ai.pace42.bot.admin.AdminAllowList;
import ai.pace42.bot.admin.AdminCommand;
import ai.pace42.bot.admin.AdminStats;
import ai.pace42.bot.admin.Broadcasts;
import ai.pace42.bot.admin.AuditLog;
import ai.pace42.bot.commands.ConnectCommand;
import ai.pace42.bot.commands.DeleteCommand;
import ai.pace42.bot.commands.HelpCommand;
import ai.pace42.bot.commands.LinkCommand;
import ai.pace42.bot.commands.LocationCommand;
import ai.pace42.bot.commands.LogoutCommand;
import ai.pace42.bot.commands.ProfileCommand;
import ai.pace42.bot.commands.SampleCommand;
import ai.pace42.bot.commands.StartCommand;
import ai.pace42.bot.commands.StatusCommand;
import ai.pace42.bot.commands.TimezoneCommand;
import ai.pace42.bot.commands.UnitsCommand;
import ai.pace42.bot.commands.UnlinkCommand;
import ai.pace42.bot.concurrent.KeyedSerialExecutor;
import ai.pace42.bot.conversation.AccountOverview;
import ai.pace42.bot.conversation.CommandRegistry;
import ai.pace42.bot.conversation.Conversation;
import ai.pace42.bot.conversation.ConversationDispatcher;
import ai.pace42.bot.conversation.FileAnalysis;
import ai.pace42.bot.conversation.StatusContributor;
import ai.pace42.bot.data.AccountDataSources;
import ai.pace42.bot.data.LinkedSource;
import ai.pace42.bot.channel.Adapters;
import ai.pace42.bot.channel.InboundDeliveries;
import ai.pace42.bot.persistence.DatabaseDeliveries;
import ai.pace42.bot.plans.PlanCoach;
import ai.pace42.bot.plans.PlanCommand;
import ai.pace42.bot.plans.PlanStore;
import ai.pace42.bot.subscription.BillingWebhook;
import ai.pace42.bot.subscription.PremiumGrant;
import ai.pace42.bot.subscription.QuestionGate;
import ai.pace42.bot.subscription.SubscriptionCommand;
import ai.pace42.bot.subscription.SubscriptionSettings;
import ai.pace42.bot.subscription.Subscriptions;
import ai.pace42.bot.linking.ChatConfirmations;
import ai.pace42.bot.linking.GarminLinking;
import ai.pace42.bot.linking.OneTimeLinks;
import ai.pace42.bot.location.HomeLocationStore;
import ai.pace42.bot.location.PlaceSearch;
import ai.pace42.bot.memory.CoachMemory;
import ai.pace42.bot.memory.ConversationMemory;
import ai.pace42.bot.memory.ForgetCommand;
import ai.pace42.bot.memory.MemoryCommand;
import ai.pace42.bot.notice.KnownConversations;
import ai.pace42.bot.notice.LateDataNotice;
import ai.pace42.bot.notice.LinkHealthMonitor;
import ai.pace42.bot.notice.Notices;
import ai.pace42.bot.secrets.SecretStore;
import ai.pace42.bot.usage.UsageLog;
import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.CoachService;
import ai.pace42.coach.model.ActivitySourceResolver;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * Wires the platform-neutral core once, the same way for the server and for tests. Capabilities that arrive
 * later register their commands on {@link #commands()} and their /status lines through contributors.
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
    private LocationCommand location;
    private HomeLocationStore homeLocations;
    private final LinkHealthMonitor linkHealth;
    private final LateDataNotice lateData;
    private PlanCoach plans;
    private Subscriptions subscriptions;
    private BillingWebhook billing;

    private BotCore(AccountService accounts, UsageLog usage, AuditLog audit, OneTimeLinks links,
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
        AccountService accounts = new AccountService(jdbi, clock);
        UsageLog usage = new UsageLog(jdbi, clock);
        AuditLog audit = new AuditLog(jdbi, clock);
        OneTimeLinks links = new OneTimeLinks(jdbi, clock, settings.linkTtl());
        AccountDataSources dataSources = new AccountDataSources(jdbi, accounts, clock, garmin);
        // Plan phrases are answered by the plan coach; everything else reaches the coach the factory built, unchanged.
        // The free tier's question limit sits in front of both.
        PlanStore planStore = new PlanStore(jdbi, clock);
        Subscriptions subscriptions = new Subscriptions(jdbi, clock, settings.subscriptions(), planStore);
        PlanCoach planCoach = new PlanCoach(coachFactory.apply(dataSources), planStore, dataSources, subscriptions, clock);
        CoachService coach = new QuestionGate(planCoach, subscriptions);
        dataSources.onChange(coach::forget); // /sample, /unlink, a confirmed link: answers of the old source go
        StatusCommand status = new StatusCommand(accounts);
        status.addContributor(dataSources);
        Adapters adapters = new Adapters();
        KnownConversations conversations = new KnownConversations(jdbi, clock);
        Notices notices = new Notices(adapters, conversations);
        LinkHealthMonitor linkHealth = new LinkHealthMonitor(jdbi, garmin, notices, clock,
                new java.util.Random()); // thread-safe; spreads the checks
        status.addContributor(linkHealth);
        ExecutorService workers = workerPool(settings.workerThreads(), settings.maxPending());
        KeyedSerialExecutor perAccount = new KeyedSerialExecutor(workers, settings.maxPending());
        ai.pace42.bot.metrics.CoreMetrics.queue("conversations", perAccount::pending);
        ChatConfirmations confirmations = new ChatConfirmations(jdbi, clock);
        // A confirmed link syncs and analyses in the account's own queue, so the first question finds it done.
        GarminLinking garminLinking = new GarminLinking(links, confirmations, settings.linkTtl(), secrets,
                dataSources, garmin, audit, adapters,
                accountId -> perAccount.submit(accountId, () -> {
                    linkHealth.linked(accountId); // a new link is checked at once, then every few hours
                    return accounts.findById(accountId)
                            .map(a -> coach.warmUp(a.id(), a.units(), a.effectiveZone(), clock.instant()))
                            .orElse(false);
                }));
        HomeLocationStore homeLocations = new HomeLocationStore(jdbi, clock);
        LocationCommand location = new LocationCommand(homeLocations, accounts);
        CommandRegistry commands = new CommandRegistry();
        commands.register(new StartCommand(coach))
                .register(new HelpCommand(commands, coach))
                .register(status)
                .register(new LinkCommand(links, garminLinking, settings.publicUrl()))
                .register(new UnlinkCommand(secrets, dataSources, garmin, audit))
                .register(new ConnectCommand(links, new JoinRequests(confirmations, settings.linkTtl(), accounts,
                        new AccountJoin(jdbi, secrets, garmin), audit), adapters))
                .register(new SampleCommand(dataSources, coach, clock))
                .register(new PlanCommand(planCoach, clock))
                .register(new SubscriptionCommand(subscriptions))
                .register(new UnitsCommand(accounts))
                .register(new ProfileCommand(dataSources.profiles(), clock))
                .register(new TimezoneCommand(accounts, clock))
                .register(location)
                .register(new DeleteCommand(confirmations, settings.linkTtl(),
                        new AccountDeletion(jdbi, secrets, garmin, audit, coach::forget)))
                .register(new LogoutCommand(accounts, audit))
                .register(new ForgetCommand(new ConversationMemory(jdbi, clock, CONVERSATION_WINDOW)))
                .register(new MemoryCommand(new CoachMemory(jdbi, clock)))
                .register(new AdminCommand(settings.admins(), audit, new AdminStats(jdbi, usage), accounts, usage,
                        linkHealth, new Broadcasts(notices, clock))
                        .withSubcommand("premium", new PremiumGrant(accounts, subscriptions)));
        Conversation conversation = new Conversation(accounts, usage, commands, coach,
                preparingAfterImport(files, coach, perAccount, clock, notices), clock, conversations);
        ConversationDispatcher dispatcher = new ConversationDispatcher(conversation,
                new AccountOverview(accounts, status, coach, clock), perAccount,
                new KeyedSerialExecutor(workers, settings.maxPending()));
        BotCore core = new BotCore(accounts, usage, audit, links, dataSources, adapters, garminLinking, commands, status,
                dispatcher, workers, new DatabaseDeliveries(jdbi, clock), linkHealth, new LateDataNotice(notices));
        core.location = location;
        core.homeLocations = homeLocations;
        core.plans = planCoach;
        core.subscriptions = subscriptions;
        core.billing = new BillingWebhook(jdbi, subscriptions);
        return core;
    }

    /** A core without Garmin, for tests and for servers where linking is not configured. */
    public static BotCore create(Jdbi jdbi, Function<ActivitySourceResolver, CoachService> coachFactory,
                                 SecretStore secrets, Settings settings, Clock clock) {
        return create(jdbi, coachFactory, secrets, LinkedSource.none(), FileAnalysis.none(), settings, clock);
    }

    /**
     * After a file import answers, the coach prepares the next answers in the account's queue (behind the reply);
     * a long import's progress goes to the runner as notices.
     */
    private static FileAnalysis preparingAfterImport(FileAnalysis files, CoachService coach,
                                                     KeyedSerialExecutor perAccount, Clock clock, Notices notices) {
        return (account, fileName, content, askedAt) -> {
            Optional<CoachAnswer> answer = files.analyze(account, fileName, content, askedAt,
                    text -> notices.tell(account.id(), text));
            if (answer.isPresent()) {
                perAccount.submit(account.id(), () -> coach.warmUp(account.id(), account.units(),
                        account.effectiveZone(), clock.instant()));
            }
            return answer;
        };
    }

    private static ExecutorService workerPool(int threads, int maxPending) {
        // Two keyed executors (senders, accounts) each bound their pending work, so this queue never overflows.
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(2 * maxPending), DaemonThreads.named("conversation"));
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
