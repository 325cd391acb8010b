package ai.pace42.bot;

import ai.pace42.bot.account.AccountService;
import ai.pace42.bot.admin.AdminAllowList;
import ai.pace42.bot.admin.AdminCommand;
import ai.pace42.bot.admin.AdminStats;
import ai.pace42.bot.admin.AuditLog;
import ai.pace42.bot.commands.HelpCommand;
import ai.pace42.bot.commands.StartCommand;
import ai.pace42.bot.commands.StatusCommand;
import ai.pace42.bot.commands.TimezoneCommand;
import ai.pace42.bot.commands.UnitsCommand;
import ai.pace42.bot.concurrent.KeyedSerialExecutor;
import ai.pace42.bot.conversation.CommandRegistry;
import ai.pace42.bot.conversation.Conversation;
import ai.pace42.bot.conversation.ConversationDispatcher;
import ai.pace42.bot.conversation.StatusContributor;
import ai.pace42.bot.usage.UsageLog;
import ai.pace42.coach.CoachService;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wires the platform-neutral core once, the same way for the server and for tests. Capabilities that arrive
 * later register their commands on {@link #commands()} and their /status lines through contributors.
 */
public final class BotCore implements AutoCloseable {

    private final AccountService accounts;
    private final UsageLog usage;
    private final AuditLog audit;
    private final CommandRegistry commands;
    private final ConversationDispatcher dispatcher;
    private final ExecutorService workers;

    private BotCore(AccountService accounts, UsageLog usage, AuditLog audit, CommandRegistry commands,
                    ConversationDispatcher dispatcher, ExecutorService workers) {
        this.accounts = accounts;
        this.usage = usage;
        this.audit = audit;
        this.commands = commands;
        this.dispatcher = dispatcher;
        this.workers = workers;
    }

    /**
     * @param workerThreads conversations handled in parallel
     * @param maxPending    messages waiting or running at once before new ones are refused as busy
     */
    public static BotCore create(org.jdbi.v3.core.Jdbi jdbi, CoachService coach, AdminAllowList admins, Clock clock,
                                 int workerThreads, int maxPending, List<StatusContributor> statusContributors) {
        AccountService accounts = new AccountService(jdbi, clock);
        UsageLog usage = new UsageLog(jdbi, clock);
        AuditLog audit = new AuditLog(jdbi, clock);
        CommandRegistry commands = new CommandRegistry();
        commands.register(new StartCommand(coach))
                .register(new HelpCommand(commands, coach))
                .register(new StatusCommand(accounts, statusContributors))
                .register(new UnitsCommand(accounts))
                .register(new TimezoneCommand(accounts, clock))
                .register(new AdminCommand(admins, audit, new AdminStats(jdbi, usage), accounts, usage));
        Conversation conversation = new Conversation(accounts, usage, commands, coach, clock);
        ExecutorService workers = workerPool(workerThreads, maxPending);
        ConversationDispatcher dispatcher =
                new ConversationDispatcher(conversation, new KeyedSerialExecutor(workers, maxPending));
        return new BotCore(accounts, usage, audit, commands, dispatcher, workers);
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
