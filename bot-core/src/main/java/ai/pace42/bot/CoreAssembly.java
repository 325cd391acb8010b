package ai.pace42.bot;

import ai.pace42.concurrent.DaemonThreads;
import ai.pace42.bot.account.AccountDeletion;
import ai.pace42.bot.account.AccountJoin;
import ai.pace42.bot.account.AccountService;
import ai.pace42.bot.account.JoinRequests;
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
import ai.pace42.bot.conversation.TurnCoach;
import ai.pace42.bot.data.AccountDataSources;
import ai.pace42.bot.data.TurnSources;
import ai.pace42.bot.data.LinkedSource;
import ai.pace42.bot.channel.Adapters;
import ai.pace42.bot.persistence.DatabaseDeliveries;
import ai.pace42.bot.plans.PlanCoach;
import ai.pace42.bot.plans.PlanCommand;
import ai.pace42.bot.plans.PlanStore;
import ai.pace42.bot.subscription.BillingWebhook;
import ai.pace42.bot.subscription.PremiumGrant;
import ai.pace42.bot.subscription.QuestionGate;
import ai.pace42.bot.subscription.SubscriptionCommand;
import ai.pace42.bot.subscription.Subscriptions;
import ai.pace42.bot.linking.ChatConfirmations;
import ai.pace42.bot.linking.GarminLinking;
import ai.pace42.bot.linking.OneTimeLinks;
import ai.pace42.bot.location.HomeLocationStore;
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
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * Assembles the core once, the same way for the server and for tests: stores, the coach stack (question gate and
 * plan coach in front of the configured coach, built once over {@link TurnSources}), the commands, the
 * per-account queues and the dispatcher. {@link BotCore} is what callers hold afterwards.
 */
final class CoreAssembly {

    private CoreAssembly() {
    }

    static BotCore build(Jdbi jdbi, Function<ActivitySourceResolver, CoachService> coachFactory,
                         SecretStore secrets, LinkedSource garmin, FileAnalysis files, BotCore.Settings settings,
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
        // The stack is built once; an upload's turn resolves the account to the upload's runs (TurnSources).
        TurnSources turns = new TurnSources(dataSources);
        PlanCoach planCoach = new PlanCoach(coachFactory.apply(turns), planStore, turns, subscriptions, clock);
        CoachService coach = new QuestionGate(planCoach, subscriptions);
        TurnCoach turnCoach = (question, runs) -> turns.during(question.accountId(), runs, () -> coach.answer(question));
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
                .register(new ForgetCommand(new ConversationMemory(jdbi, clock, BotCore.CONVERSATION_WINDOW)))
                .register(new MemoryCommand(new CoachMemory(jdbi, clock)))
                .register(new AdminCommand(settings.admins(), audit, new AdminStats(jdbi, usage), accounts, usage,
                        linkHealth, new Broadcasts(jdbi, notices, clock))
                        .withSubcommand("premium", new PremiumGrant(accounts, subscriptions)));
        Conversation conversation = new Conversation(accounts, usage, commands, coach,
                preparingAfterImport(files, turnCoach, coach, perAccount, clock, notices), clock, conversations);
        ConversationDispatcher dispatcher = new ConversationDispatcher(conversation,
                new AccountOverview(accounts, status, coach, clock), perAccount,
                new KeyedSerialExecutor(workers, settings.maxPending()));
        BotCore core = new BotCore(accounts, usage, audit, links, dataSources, adapters, garminLinking, commands, status,
                dispatcher, workers, new DatabaseDeliveries(jdbi, clock), linkHealth, new LateDataNotice(notices));
        conversation.useSharedLocations(location);
        core.location = location;
        core.homeLocations = homeLocations;
        core.plans = planCoach;
        core.subscriptions = subscriptions;
        core.billing = new BillingWebhook(jdbi, subscriptions);
        return core;
    }

    /**
     * Uploads are answered by the one stack ({@code turnCoach}); after a file import answers, the coach prepares
     * the next answers in the account's queue (behind the reply); a long import's progress goes to the runner as
     * notices.
     */
    private static FileAnalysis preparingAfterImport(FileAnalysis files, TurnCoach turnCoach, CoachService coach,
                                                     KeyedSerialExecutor perAccount, Clock clock, Notices notices) {
        return (account, fileName, content, askedAt) -> {
            Optional<CoachAnswer> answer = files.analyze(account, fileName, content, askedAt, turnCoach,
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

}
