package ai.pace42.bot.commands;

import ai.pace42.bot.account.AccountJoin;
import ai.pace42.bot.admin.AuditLog;
import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.conversation.Command;
import ai.pace42.bot.conversation.CommandContext;
import ai.pace42.bot.linking.OneTimeLinks;
import ai.pace42.bot.linking.PendingLink;
import java.util.Optional;

/**
 * Joins this chat identity to the pace42 account of another chat app: {@code /connect} there shows a one-time
 * code, {@code /connect CODE} here uses it. The code follows the same rules as link tokens.
 */
public final class ConnectCommand implements Command {

    public static final String PURPOSE = "connect";

    private final OneTimeLinks links;
    private final AccountJoin join;
    private final AuditLog audit;

    public ConnectCommand(OneTimeLinks links, AccountJoin join, AuditLog audit) {
        this.links = links;
        this.join = join;
        this.audit = audit;
    }

    @Override
    public String name() {
        return "connect";
    }

    @Override
    public String usage() {
        return "/connect [code]";
    }

    @Override
    public String summary() {
        return "Use one pace42 account from several chat apps";
    }

    @Override
    public Reply run(CommandContext context) {
        Inbound in = context.inbound();
        if (!in.direct()) {
            return Reply.text("Please use /connect in a private chat with me.");
        }
        if (context.args().isEmpty()) {
            OneTimeLinks.Issued code = links.issue(PURPOSE, in.from(), in.where(), context.account().id(),
                    in.displayName());
            return Reply.text("To use this pace42 account from another chat app, send this to me there within "
                    + code.minutesLeft() + " minutes. It works once; don't share it.\n\n/connect " + code.token())
                    .asEphemeral();
        }
        Optional<PendingLink> pending = links.consume(PURPOSE, context.args().strip());
        if (pending.isEmpty()) {
            return Reply.text("That code doesn't work: it has expired, was used already, or a newer one replaced "
                    + "it. Send /connect in your other chat app for a fresh code.");
        }
        AccountJoin.Outcome outcome = join.join(pending.get().accountId(), context.account().id());
        if (outcome instanceof AccountJoin.Outcome.BothLinked) {
            return Reply.text("Both accounts already have Garmin connected, so I can't join them without losing "
                    + "one. Send /unlink in one of the chats first, then /connect again.");
        }
        if (outcome instanceof AccountJoin.Outcome.AlreadyOne) {
            return Reply.text("These chats already share one pace42 account.");
        }
        audit.record(in.from(), "connect", pending.get().identity().toString(), AuditLog.Outcome.ALLOWED,
                in.requestId());
        return Reply.text("Done: " + pending.get().identityLabel() + " and this chat now share one pace42 account. "
                + "Ask from either; /status shows both.");
    }
}
