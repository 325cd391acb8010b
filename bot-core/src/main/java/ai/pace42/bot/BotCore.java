package ai.pace42.bot;

import ai.pace42.bot.account.AccountService;
import ai.pace42.bot.admin.AdminAllowList;
import ai.pace42.bot.admin.AdminCommand;
import ai.pace42.bot.admin.AdminStats;
import ai.pace42.bot.admin.AuditLog;
import ai.pace42.bot.commands.HelpCommand;
import ai.pace42.bot.commands.SampleCommand;
import ai.pace42.bot.commands.StartCommand;
import ai.pace42.bot.commands.StatusCommand;
import ai.pace42.bot.commands.TimezoneCommand;
import ai.pace42.bot.commands.UnitsCommand;
import ai.pace42.bot.concurrent.KeyedSerialExecutor;
import ai.pace42.bot.conversation.CommandRegistry;
import ai.pace42.bot.conversation.Conversation;
import ai.pace42.bot.conversation.ConversationDispatcher;
import ai.pace42.bot.conversation.StatusContributor;
import ai.pace42.bot.data.AccountDataSources;
import ai.pace42.bot.usage.UsageLog;
import ai.pace42.coach.CoachService;
import ai.pace42.coach.model.ActivitySourceResolver;
import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * Wires the platform-neutral core once, the same way for the server and for tests. Capabilities that arrive
 * later register their commands on {@link #commands()} and their /status lines through contributors.
 */
public final class BotCore implements AutoCloseable {

    private final AccountService accounts;
    private final UsageLog usage;
    private final AuditLog audit;
    private final CommandRegistry commands;
    private final StatusCommand status;
    private final ConversationDispatcher dispatcher;
    private final ExecutorService workers;

    private BotCore(AccountService accounts, UsageLog usage, AuditLog audit, CommandRegistry commands,
                    StatusCommand status, ConversationDispatcher dispatcher, ExecutorService workers) {
        this.accounts = accounts;
        this.usage = usage;
        this.audit = audit;
        this.commands = commands;
        this.status = status;
        this.dispatcher = dispatcher;
        this.workers = workers;
    }

    /**
     * @param coachFactory  builds the coach on the per-account data-source resolver the core owns
     * @param workerThreads conversations handled in parallel
     * @param maxPending    messages waiting or running at once before new ones are refused as busy
     */
    public static BotCore create(Jdbi jdbi, Function<ActivitySourceResolver, CoachService> coachFactory,
                                 AdminAllowList admins, Clock clock, int workerThreads, int maxPending) {
        AccountService accounts = new AccountService(jdbi, clock);
        UsageLog usage = new UsageLog(jdbi, clock);
        AuditLog audit = new AuditLog(jdbi, clock);
        AccountDataSources dataSources = new AccountDataSources(jdbi, accounts, clock);
        CoachService coach = coachFactory.apply(dataSources);
        StatusCommand status = new StatusCommand(accounts);
        status.addContributor(dataSources);
        CommandRegistry commands = new CommandRegistry();
        commands.register(new StartCommand(coach))
                .register(new HelpCommand(commands, coach))
                .register(status)
                .register(new SampleCommand(dataSources))
                .register(new UnitsCommand(accounts))
                .register(new TimezoneCommand(accounts, clock))
                .register(new AdminCommand(admins, audit, new AdminStats(jdbi, usage), accounts, usage));
        Conversation conversation = new Conversation(accounts, usage, commands, coach, clock);
        ExecutorService workers = workerPool(workerThreads, maxPending);
        ConversationDispatcher dispatcher =
                new ConversationDispatcher(conversation, new KeyedSerialExecutor(workers, maxPending));
        return new BotCore(accounts, usage, audit, commands, status, dispatcher, workers);
    }

    private static ExecutorService workerPool(int threads, int maxPending) {
        AtomicInteger n = new AtomicInteger();
        // The keyed executor bounds pending work, so this queue can never overflow.
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(maxPending), r -> {
                    Thread t = new Thread(r, "conversation-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    public ConversationDispatcher dispatcher() {
        return dispatcher;
    }

    public CommandRegistry commands() {
        return commands;
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
