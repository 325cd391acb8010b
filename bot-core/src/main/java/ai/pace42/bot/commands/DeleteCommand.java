package ai.pace42.bot.commands;

import ai.pace42.bot.account.AccountDeletion;
import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.conversation.Command;
import ai.pace42.bot.conversation.CommandContext;
import ai.pace42.bot.linking.ChatConfirmations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Deletes the runner's whole pace42 account. {@code /delete} shows a six-digit code bound to this chat identity;
 * only {@code /delete confirm CODE} within a few minutes deletes, so neither a typo nor a message forwarded from
 * someone else can. Private chats only: in a group the code would be seen by others.
 */
public final class DeleteCommand implements Command {

    /** The purpose of deletion confirmations in {@link ChatConfirmations}; the subject is the account id. */
    public static final String CONFIRMATION = "delete-account";

    private final ChatConfirmations confirmations;
    private final Duration ttl;
    private final AccountDeletion deletion;

    public DeleteCommand(ChatConfirmations confirmations, Duration ttl, AccountDeletion deletion) {
        this.confirmations = confirmations;
        this.ttl = ttl;
        this.deletion = deletion;
    }

    @Override
    public String name() {
        return "delete";
    }

    @Override
    public boolean privateOnly() {
        return true;
    }

    @Override
    public String usage() {
        return "/delete [confirm code]";
    }

    @Override
    public String summary() {
        return "Delete your pace42 account and everything it holds (asks for a code first)";
    }

    @Override
    public Reply run(CommandContext context) {
        Inbound in = context.inbound();
        if (!in.direct()) {
            return Reply.text("Please use /delete in a private chat with me.");
        }
        String args = context.args();
        if (args.toLowerCase(Locale.ROOT).startsWith("confirm")) {
            return confirm(context, args.substring("confirm".length()).strip());
        }
        String accountId = context.account().id();
        ChatConfirmations.Issued issued = confirmations.issue(CONFIRMATION, accountId, "delete account", in.from(),
                in.where(), accountId, ttl);
        return Reply.text("This deletes your pace42 account for good, for every chat app connected to it: "
                + "settings, message counts, the Garmin connection and its cached runs. It cannot be undone. "
                + "To go ahead, send **/delete confirm " + issued.code() + "** within "
                + Math.max(1, ttl.toMinutes()) + " minutes.").asEphemeral();
    }

    private Reply confirm(CommandContext context, String code) {
        if (code.isEmpty()) {
            return Reply.text("Send /delete first; it shows the code to add after /delete confirm.");
        }
        ChatConfirmations.Attempt attempt = confirmations.confirm(CONFIRMATION, context.inbound().from(), code);
        if (attempt instanceof ChatConfirmations.Attempt.WrongCode wrong) {
            return Reply.text("That code doesn't match; nothing was deleted. " + wrong.triesLeft()
                    + (wrong.triesLeft() == 1 ? " try" : " tries") + " left.");
        }
        if (attempt instanceof ChatConfirmations.Attempt.Refused) {
            return Reply.text("Too many wrong codes; nothing was deleted. Send /delete to start again.");
        }
        if (!(attempt instanceof ChatConfirmations.Attempt.Confirmed confirmed)
                || !confirmations.finish(CONFIRMATION, confirmed.entry().subject())) {
            return Reply.text("No deletion is waiting for a code here (codes work for a few minutes). "
                    + "Send /delete to start again.");
        }
        if (!confirmed.entry().accountId().equals(context.account().id())) {
            // A /connect joined this chat to another account since the code was shown.
            return Reply.text("This chat uses another account since you asked, so nothing was deleted. "
                    + "Send /delete again if you want to delete the account it uses now.");
        }
        return Reply.text(done(deletion.delete(context.account().id(), context.inbound().requestId())));
    }

    private static String done(AccountDeletion.Deleted d) {
        List<String> items = new ArrayList<>();
        items.add(d.identities().size() + (d.identities().size() == 1 ? " chat identity" : " chat identities"));
        items.add("message counts of " + d.usageDays() + (d.usageDays() == 1 ? " day" : " days"));
        if (d.pendingCodes() > 0) {
            items.add(d.pendingCodes() + " links and codes");
        }
        if (d.cachedRuns() + d.cachedDetails() > 0) {
            items.add(d.cachedRuns() + " cached Garmin runs (" + d.cachedDetails() + " in detail)");
        }
        if (d.secrets().contains(UnlinkCommand.GARMIN_SECRET)) {
            items.add("the Garmin tokens" + (d.garminRevoked() ? " (Garmin has withdrawn pace42's access)" : ""));
        } else if (!d.secrets().isEmpty()) {
            items.add("Garmin tokens waiting for a confirmation");
        }
        return "Done: your pace42 account is deleted, with " + String.join(", ", items) + ". Only a note that "
                + "account " + d.accountId() + " was deleted is kept, without any chat id or data. "
                + "Your next message here starts a new, empty account.";
    }
}
