package ai.pace42.bot.conversation;

import ai.pace42.bot.account.Account;
import ai.pace42.bot.account.AccountService;
import ai.pace42.bot.channel.AccountView;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.commands.StatusCommand;
import ai.pace42.coach.CoachQuestion;
import ai.pace42.coach.CoachService;
import java.time.Clock;
import java.util.Optional;

/**
 * A read-only look at a runner's account for dashboards (the Slack App Home, a browser sidebar): the /status
 * text and the last run. Looking changes nothing: no account is created, no link is issued, no usage is counted.
 * Issuing a link stays an explicit act of the runner (a button that sends /link).
 */
public final class AccountOverview {

    /** The question whose answer is shown as "your last run". */
    public static final String LAST_RUN_QUESTION = "How was my last run?";

    private final AccountService accounts;
    private final StatusCommand status;
    private final CoachService coach;
    private final Clock clock;

    public AccountOverview(AccountService accounts, StatusCommand status, CoachService coach, Clock clock) {
        this.accounts = accounts;
        this.status = status;
        this.coach = coach;
        this.clock = clock;
    }

    public Optional<Account> accountOf(PlatformIdentity who) {
        return accounts.find(who);
    }

    public AccountView of(PlatformIdentity who) {
        return accountOf(who).map(this::of).orElseGet(() -> new AccountView(false,
                Reply.text("Send me a message to set up your pace42 account — then your status and your last "
                        + "run appear here."),
                Optional.empty()));
    }

    AccountView of(Account account) {
        Reply lastRun = Conversation.toReply(coach.answer(new CoachQuestion(account.id(), LAST_RUN_QUESTION,
                account.units(), account.effectiveZone(), clock.instant())));
        return new AccountView(true, status.statusOf(account), Optional.of(lastRun));
    }
}
