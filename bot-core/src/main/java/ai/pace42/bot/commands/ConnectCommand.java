package ai.pace42.bot.commands;

import ai.pace42.bot.account.JoinRequests;
import ai.pace42.bot.channel.Adapters;
import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.conversation.Command;
import ai.pace42.bot.conversation.CommandContext;
import ai.pace42.bot.linking.OneTimeLinks;
import ai.pace42.bot.linking.PendingLink;
import java.util.Locale;
import java.util.Optional;

/**
 * Joins this chat identity to the pace42 account of another chat app, in three steps: {@code /connect} in chat A
 * shows a one-time code (a one-time link token); {@code /connect CODE} in chat B only asks; both chats are then
 * shown the other identity and their own six-digit code, and the join happens once both answered
 * {@code /connect confirm CODE} (see {@link JoinRequests} for why both).
 */
public final class ConnectCommand implements Command {

    public static final String PURPOSE = "connect";

    private final OneTimeLinks links;
    private final JoinRequests requests;
    private final Adapters adapters;

    public ConnectCommand(OneTimeLinks links, JoinRequests requests, Adapters adapters) {
        this.links = links;
        this.requests = requests;
        this.adapters = adapters;
    }

    @Override
    public String name() {
        return "connect";
    }

    @Override
    public boolean privateOnly() {
        return true;
    }

    @Override
    public String usage() {
        return "/connect [code | confirm code]";
    }

    @Override
    public String summary() {
        return "Use one pace42 account from several chat apps (both chats confirm)";
    }

    @Override
    public Reply run(CommandContext context) {
        Inbound in = context.inbound();
        if (!in.direct()) {
            return Reply.text("Please use /connect in a private chat with me.");
        }
        String args = context.args();
        if (args.isEmpty()) {
            // A chat I cannot message first (the browser chat) sees a request waiting for it here.
            return requests.waitingFor(in.from()).map(side -> ask(side).asEphemeral())
                    .orElseGet(() -> issueCode(context));
        }
        if (args.toLowerCase(Locale.ROOT).startsWith("confirm")) {
            return confirm(in, args.substring("confirm".length()).strip());
        }
        return request(context, args);
    }

    private Reply issueCode(CommandContext context) {
        Inbound in = context.inbound();
        OneTimeLinks.Issued code = links.issue(PURPOSE, in.from(), in.where(), context.account().id(),
                in.displayName());
        return Reply.text("To use this pace42 account from another chat app, send this to me there within "
                + code.minutesLeft() + " minutes. Both chats then confirm. It works once; don't share it.\n\n/connect "
                + code.token()).asEphemeral();
    }

    private Reply request(CommandContext context, String token) {
        Inbound in = context.inbound();
        Optional<PendingLink> issuer = links.consume(PURPOSE, token);
        if (issuer.isEmpty()) {
            return Reply.text("That code doesn't work: it has expired, was used already, or a newer one replaced "
                    + "it. Send /connect in your other chat app for a fresh code.");
        }
        JoinRequests.Requested requested = requests.request(issuer.get(), in.from(), in.where(),
                context.account().id(), in.displayName(), in.requestId());
        if (requested instanceof JoinRequests.Requested.AlreadyOne) {
            return Reply.text("These chats already share one pace42 account.");
        }
        if (!(requested instanceof JoinRequests.Requested.Asked asked)) {
            return bothHaveGarmin();
        }
        boolean told = adapters.notify(asked.issuer().entry().where(), ask(asked.issuer()));
        String otherChat = issuer.get().identity().platform().displayName();
        return Reply.text(askText(asked.requester()) + "\n\n"
                + (told ? "I've asked " + otherChat + " to confirm too; the join happens once both chats did."
                        : "Then send /connect in " + otherChat + " to see this request there and confirm it too."))
                .asEphemeral();
    }

    private Reply confirm(Inbound in, String code) {
        JoinRequests.Confirmed outcome = requests.confirm(in.from(), code, in.requestId());
        if (outcome instanceof JoinRequests.Confirmed.Joined joined) {
            adapters.notify(joined.other().where(), done(joined.mine().detail()));
            return done(joined.other().detail());
        }
        if (outcome instanceof JoinRequests.Confirmed.Waiting waiting) {
            return Reply.text("Confirmed here. The join happens once " + waiting.otherLabel() + " confirms too, "
                    + "within " + minutes() + " minutes.");
        }
        if (outcome instanceof JoinRequests.Confirmed.WrongCode wrong) {
            return Reply.text("That code doesn't match. " + wrong.triesLeft()
                    + (wrong.triesLeft() == 1 ? " try" : " tries") + " left.");
        }
        if (outcome instanceof JoinRequests.Confirmed.Refused) {
            return Reply.text("Too many wrong codes, so I dropped that request. Nothing was joined.");
        }
        if (outcome instanceof JoinRequests.Confirmed.BothHaveGarmin both) {
            adapters.notify(both.other().where(), bothHaveGarmin());
            return bothHaveGarmin();
        }
        if (outcome instanceof JoinRequests.Confirmed.Changed) {
            return Reply.text("One of the chats changed accounts in the meantime, so nothing was joined. Send "
                    + "/connect to start again.");
        }
        return Reply.text("No request to join accounts is waiting for a code here (codes work for a few minutes). "
                + "Send /connect in your other chat app to start again.");
    }

    private Reply ask(JoinRequests.Side side) {
        return Reply.text(askText(side));
    }

    /** Names the other identity and says plainly what confirming means for this chat's account. */
    private String askText(JoinRequests.Side side) {
        String consequence = switch (side.effect()) {
            case SHARES_GARMIN -> "They would see your runs from Garmin and everything you ask me.";
            case SHARES_ACCOUNT -> "They would see everything you ask me and anything you connect later.";
            case SWITCHES_ACCOUNT -> "This chat would switch to their account: its data and settings replace this "
                    + "chat's.";
        };
        return side.entry().detail() + " asks to share one pace42 account with this chat. " + consequence
                + "\n\nOnly if that is you, reply **/connect confirm " + side.code() + "** within " + minutes()
                + " minutes. If it isn't you, ignore this: nothing changes.";
    }

    private static Reply done(String otherLabel) {
        return Reply.text("Done: " + otherLabel + " and this chat now share one pace42 account. Ask from either; "
                + "/status shows both.");
    }

    private static Reply bothHaveGarmin() {
        return Reply.text("Both accounts already have Garmin connected, so I can't join them without losing "
                + "one. Send /unlink in one of the chats first, then /connect again.");
    }

    private long minutes() {
        return Math.max(1, requests.ttl().toMinutes());
    }
}
