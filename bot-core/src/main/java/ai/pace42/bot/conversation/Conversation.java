package ai.pace42.bot.conversation;

import ai.pace42.bot.account.Account;
import ai.pace42.bot.account.AccountService;
import ai.pace42.bot.account.TimeZones;
import ai.pace42.bot.channel.Adapters;
import ai.pace42.bot.channel.Attachment;
import ai.pace42.bot.channel.ChatAdapter;
import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.usage.UsageLog;
import ai.pace42.coach.ChartImage;
import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.CoachQuestion;
import ai.pace42.coach.CoachService;
import ai.pace42.coach.intent.IntentRecognizer;
import java.io.IOException;
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
    private final Adapters adapters;
    private final FileAnalysis files;
    private final Clock clock;
    private final RecentDetails details = new RecentDetails();

    public Conversation(AccountService accounts, UsageLog usage, CommandRegistry commands, CoachService coach,
                        Adapters adapters, FileAnalysis files, Clock clock) {
        this.accounts = accounts;
        this.usage = usage;
        this.commands = commands;
        this.coach = coach;
        this.adapters = adapters;
        this.files = files;
        this.clock = clock;
    }

    /** Resolves the sender's account; the dispatcher calls this first so it can order work per account. */
    public Account accountOf(Inbound inbound) {
        Account account = accounts.resolve(inbound.from(), inbound.displayName());
        return adoptTimeZoneHint(account, inbound);
    }

    public Reply handle(Inbound inbound, Account account) {
        MDC.put("accountId", account.id());
        usage.recordMessage(account.id(), inbound.from().platform());
        String text = inbound.text().strip();
        if (!inbound.attachments().isEmpty() && !text.startsWith("/")) {
            return analyzeFile(inbound, account, inbound.attachments().get(0));
        }
        if (text.isEmpty()) {
            return Reply.text("I didn't catch a question. " + tryAsking());
        }
        if (text.startsWith("/")) {
            return runCommand(inbound, account, text);
        }
        return ask(account, text, inbound.requestId());
    }

    private Reply runCommand(Inbound inbound, Account account, String text) {
        CommandRegistry.ParsedCommand parsed = CommandRegistry.parse(text);
        Optional<Command> command = commands.find(parsed.name());
        if (command.isEmpty()) {
            return Reply.text("I don't know the command /" + parsed.name() + ". Type /help to see what I understand.");
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

    /** A FIT, GPX or TCX file: downloaded through the adapter it came from and analysed like a last run. */
    private Reply analyzeFile(Inbound inbound, Account account, Attachment attachment) {
        Optional<ChatAdapter> adapter = adapters.of(inbound.from().platform());
        byte[] content;
        try {
            if (adapter.isEmpty()) {
                return Reply.text("I can't read files here yet. " + tryAsking());
            }
            content = adapter.get().download(attachment);
        } catch (UnsupportedOperationException e) {
            return Reply.text("I can't read files here yet. " + tryAsking());
        } catch (IOException e) {
            return Reply.text("I couldn't download " + attachment.fileName() + ". Please send it again.");
        }
        return files.analyze(account, attachment.fileName(), content, clock.instant())
                .map(answer -> toReply(remembered(account, answer)))
                .orElseGet(() -> Reply.text("I can't analyse files on this server yet. " + tryAsking()));
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
