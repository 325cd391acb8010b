package ai.pace42.bot.commands;

import ai.pace42.bot.account.AccountService;
import ai.pace42.bot.admin.AuditLog;
import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.conversation.Command;
import ai.pace42.bot.conversation.CommandContext;

/**
 * The browser chat's log out: this browser's identity is forgotten, the account stays for the runner's other chat
 * apps. The browser API clears its cookie once the identity is gone. Refused while the browser is the account's only
 * way in, because nobody could reach the account again. Chat apps sign their users in themselves: nothing to do.
 */
public final class LogoutCommand implements Command {

    private final AccountService accounts;
    private final AuditLog audit;

    public LogoutCommand(AccountService accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    @Override
    public String name() {
        return "logout";
    }

    @Override
    public boolean privateOnly() {
        return true;
    }

    @Override
    public String usage() {
        return "/logout";
    }

    @Override
    public String summary() {
        return "Browser chat: forget this browser (your account stays for your other chat apps)";
    }

    @Override
    public Reply run(CommandContext context) {
        Inbound in = context.inbound();
        if (in.from().platform() != Platform.WEB) {
            return Reply.text(in.from().platform().displayName() + " signs you in to pace42 itself, so there is "
                    + "nothing to log out of here. To remove your data, send /delete.");
        }
        if (!accounts.detach(in.from())) {
            return Reply.text("This browser is the only chat of your account, so after logging out nobody could "
                    + "reach it again. Connect another chat app first (/connect), or delete the account (/delete).");
        }
        audit.record(in.from(), "logout", context.account().id(), AuditLog.Outcome.ALLOWED, in.requestId());
        return Reply.text("Logged out: this browser is forgotten. Your account stays; send /connect here to use it "
                + "from this browser again.");
    }
}
