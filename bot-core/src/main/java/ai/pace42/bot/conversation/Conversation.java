package ai.pace42.bot.conversation;

import ai.pace42.bot.account.Account;
import ai.pace42.bot.account.AccountService;
import ai.pace42.bot.account.TimeZones;
import ai.pace42.bot.channel.ChannelTexts;
import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.notice.KnownConversations;
import ai.pace42.bot.usage.UsageLog;
import ai.pace42.coach.ChartImage;
import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.CoachQuestion;
import ai.pace42.coach.CoachService;
import ai.pace42.coach.intent.IntentRecognizer;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.MDC;

/**
 * The platform-neutral conversation: who wrote, then either a command or a question for the coach. It runs on
 * the caller's thread and may throw; {@link ConversationDispatcher} orders calls and turns failures into replies.
 */
public final class Conversation {

    private final AccountService accounts;
    private final UsageLog usage;
    private final CommandRegistry commands;
    private final CoachService coach;
    private final FileMessages files;
    private final Clock clock;
    private final KnownConversations conversations;
    private final RecentDetails details = new RecentDetails();
    private volatile SharedLocations sharedLocations = SharedLocations.UNSUPPORTED;

    public Conversation(AccountService accounts, UsageLog usage, CommandRegistry commands, CoachService coach,
                        FileAnalysis files, Clock clock) {
        this(accounts, usage, commands, coach, files, clock, null);
    }

    /** @param conversations where the core may write first later (notices, broadcasts); null: nowhere */
    public Conversation(AccountService accounts, UsageLog usage, CommandRegistry commands, CoachService coach,
                        FileAnalysis files, Clock clock, KnownConversations conversations) {
        this.conversations = conversations;
        this.accounts = accounts;
        this.usage = usage;
        this.commands = commands;
        this.coach = coach;
        this.files = new FileMessages(files, (account, answer) -> toReply(remembered(account, answer)), tryAsking());
        this.clock = clock;
    }

    /** Who decides what a shared location does (the /location command once weather is on). */
    public void useSharedLocations(SharedLocations handler) {
        this.sharedLocations = handler;
    }

    /** Resolves the sender's account; the dispatcher calls this first so it can order work per account. */
    public Account accountOf(Inbound inbound) {
        Account account = accounts.resolve(inbound.from(), inbound.displayName());
        return adoptTimeZoneHint(account, inbound);
    }

    public Reply handle(Inbound inbound, Account account) {
        MDC.put("accountId", account.id());
        usage.recordMessage(account.id(), inbound.from().platform());
        rememberConversation(inbound, account);
        String text = inbound.text().strip();
        if (inbound.location().isPresent()) {
            return sharedLocations.shared(inbound, account, inbound.location().get());
        }
        if (!inbound.attachments().isEmpty() && !text.startsWith("/")) {
            return files.answer(inbound, account, clock.instant());
        }
        if (text.isEmpty()) {
            return Reply.text("I didn't catch a question. " + tryAsking());
        }
        if (text.startsWith("/")) {
            return runCommand(inbound, account, text);
        }
        return ask(account, text, inbound.requestId());
    }

    /** A notice is a courtesy: failing to note where to send one never fails the message itself. */
    private void rememberConversation(Inbound inbound, Account account) {
        if (conversations == null || !inbound.direct()) {
            return;
        }
        try {
            conversations.remember(account.id(), inbound.where());
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Conversation.class).warn("could not note the conversation: {}",
                    e.getClass().getSimpleName());
        }
    }

    private Reply runCommand(Inbound inbound, Account account, String text) {
        CommandRegistry.ParsedCommand parsed = CommandRegistry.parse(text);
        Optional<Command> command = commands.find(parsed.name());
        if (command.isEmpty()) {
            return Reply.text(ChannelTexts.unknownCommand(parsed.name()));
        }
        return command.get().run(new CommandContext(inbound, account, parsed.args()));
    }

    /** The request id goes with the question, so an answer that reports a failure quotes it. */
    private Reply ask(Account account, String text, String requestId) {
        Optional<String> more = IntentRecognizer.onlyAsksForDetails(text) ? details.of(account.id()) : Optional.empty();
        if (more.isPresent()) {
            return Reply.text(more.get());
        }
        return toReply(remembered(account, coach.answer(new CoachQuestion(account.id(), text, account.units(),
                account.effectiveZone(), clock.instant(), requestId))));
    }

    private CoachAnswer remembered(Account account, CoachAnswer answer) {
        details.remember(account.id(), answer);
        return answer;
    }

    static Reply toReply(CoachAnswer answer) {
        List<Reply.Part> parts = new ArrayList<>();
        parts.add(new Reply.Part.Text(answer.text()));
        for (ChartImage chart : answer.charts()) {
            parts.add(new Reply.Part.Image(chart.png(), chart.altText()));
        }
        return new Reply(parts, false);
    }

    private String tryAsking() {
        List<String> examples = coach.exampleQuestions();
        return examples.isEmpty()
                ? "Type /help to see what I understand."
                : "Try \"" + examples.get(0) + "\" or type /help.";
    }

    /** A client that knows the runner's zone (the browser does) sets it once, until the runner chooses one. */
    private Account adoptTimeZoneHint(Account account, Inbound inbound) {
        if (account.timeZone().isPresent() || inbound.timeZoneHint().isBlank()) {
            return account;
        }
        Optional<ZoneId> hinted = TimeZones.parse(inbound.timeZoneHint());
        if (hinted.isEmpty()) {
            return account;
        }
        accounts.setTimeZone(account.id(), hinted.get());
        return new Account(account.id(), account.createdAt(), account.units(), hinted, account.displayName());
    }
}
