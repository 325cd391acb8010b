package ai.pace42.bot.commands;

import ai.pace42.bot.account.Account;
import ai.pace42.bot.account.AccountService;
import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.conversation.Command;
import ai.pace42.bot.conversation.CommandContext;
import ai.pace42.bot.conversation.StatusContributor;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The runner's account at a glance: connected chats, data sources, units and time zone. */
public final class StatusCommand implements Command {

    private final AccountService accounts;
    private final List<StatusContributor> contributors = new CopyOnWriteArrayList<>();

    public StatusCommand(AccountService accounts) {
        this.accounts = accounts;
    }

    public void addContributor(StatusContributor contributor) {
        contributors.add(contributor);
    }

    @Override
    public String name() {
        return "status";
    }

    @Override
    public boolean privateOnly() {
        return true;
    }

    @Override
    public String usage() {
        return "/status";
    }

    @Override
    public String summary() {
        return "Your account, connected data and settings";
    }

    @Override
    public Reply run(CommandContext context) {
        return statusOf(context.account());
    }

    /** The status text of an account; reads only, so dashboards may show it as often as they like. */
    public Reply statusOf(Account account) {
        List<String> identities = accounts.identitiesOf(account.id());
        StringBuilder text = new StringBuilder("**Your pace42 account**\n");
        text.append("- **Chats:** ").append(String.join(", ", identities.stream()
                .map(StatusCommand::platformName).distinct().toList())).append('\n');
        for (StatusContributor contributor : contributors) {
            for (String line : contributor.statusLines(account)) {
                text.append(line).append('\n');
            }
        }
        text.append("- **Units:** ").append(account.units().distanceUnit())
                .append(" (change with /units km or /units mi)\n");
        text.append("- **Time zone:** ").append(account.timeZone()
                .map(z -> z.getId())
                .orElse("UTC (not set yet — e.g. /timezone Europe/London)"));
        return Reply.text(text.toString());
    }

    private static String platformName(String identity) {
        String platform = identity.substring(0, identity.indexOf(':'));
        return ai.pace42.bot.channel.Platform.fromId(platform).displayName();
    }
}
