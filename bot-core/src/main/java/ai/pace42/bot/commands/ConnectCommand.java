package ai.pace42.bot.commands;

import ai.pace42.bot.account.AccountJoin;
import ai.pace42.bot.account.AccountService;
import ai.pace42.bot.admin.AuditLog;
import ai.pace42.bot.channel.Adapters;
import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.conversation.Command;
import ai.pace42.bot.conversation.CommandContext;
import ai.pace42.bot.linking.ChatConfirmations;
import ai.pace42.bot.linking.OneTimeLinks;
import ai.pace42.bot.linking.PendingLink;
import ai.pace42.bot.persistence.Ids;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Joins this chat identity to the pace42 account of another chat app, in three steps:
 * <ol>
 *   <li>{@code /connect} in chat A shows a one-time code (a one-time link token: 256 bits, hashed, minutes).</li>
 *   <li>{@code /connect CODE} in chat B only <em>asks</em>: nothing is joined yet.</li>
 *   <li>Both chats get a message naming the other identity (platform, display name and ids) with their own
 *       six-digit code; the join happens once <em>both</em> answered {@code /connect confirm CODE}.</li>
 * </ol>
 * Why both: either side can be the victim. If B is tricked into sending an attacker's code, B's chat names the
 * attacker and B's own code never leaves B's chat; if A is tricked into sharing its code, A's chat names the
 * attacker and A's code never leaves A's chat. Whichever account survives (the one holding Garmin tokens, or the
 * older one), the side that keeps data and the side that holds Garmin have each approved in their own chat.
 */
public final class ConnectCommand implements Command {

    public static final String PURPOSE = "connect";
    /** The two sides' confirmations of one join request share a subject in {@link ChatConfirmations}. */
    public static final String CONFIRMATION = "connect";

    private final OneTimeLinks links;
    private final ChatConfirmations confirmations;
    private final Duration confirmTtl;
    private final AccountService accounts;
    private final AccountJoin join;
    private final Adapters adapters;
    private final AuditLog audit;

    public ConnectCommand(OneTimeLinks links, ChatConfirmations confirmations, Duration confirmTtl,
                          AccountService accounts, AccountJoin join, Adapters adapters, AuditLog audit) {
        this.links = links;
        this.confirmations = confirmations;
        this.confirmTtl = confirmTtl;
        this.accounts = accounts;
        this.join = join;
        this.adapters = adapters;
        this.audit = audit;
    }

    @Override
    public String name() {
        return "connect";
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
            return waitingRequest(in).orElseGet(() -> issueCode(context));
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

    /** A request waiting for this chat's confirmation, with a fresh code: for chats I cannot message first. */
    private Optional<Reply> waitingRequest(Inbound in) {
        return confirmations.awaiting(CONFIRMATION, in.from()).flatMap(waiting -> confirmations.newCodeFor(waiting)
                .map(code -> Reply.text(askText(waiting.detail(), code, consequence(waiting))).asEphemeral()));
    }

    /** Step 2: the code from the other chat. Asks both sides; joins nothing. */
    private Reply request(CommandContext context, String token) {
        Inbound in = context.inbound();
        Optional<PendingLink> pending = links.consume(PURPOSE, token);
        if (pending.isEmpty()) {
            return Reply.text("That code doesn't work: it has expired, was used already, or a newer one replaced "
                    + "it. Send /connect in your other chat app for a fresh code.");
        }
        PendingLink issuer = pending.get();
        String here = context.account().id();
        AccountJoin.Outcome preview = join.preview(issuer.accountId(), here);
        if (preview instanceof AccountJoin.Outcome.AlreadyOne) {
            return Reply.text("These chats already share one pace42 account.");
        }
        if (preview instanceof AccountJoin.Outcome.BothLinked) {
            return bothLinked();
        }
        String subject = Ids.newId("join");
        String issuerLabel = label(issuer.identity(), issuer.displayName());
        String requesterLabel = label(in.from(), in.displayName());
        ChatConfirmations.Issued there = confirmations.issue(CONFIRMATION, subject, requesterLabel,
                issuer.identity(), issuer.where(), issuer.accountId(), confirmTtl);
        ChatConfirmations.Issued mine = confirmations.issue(CONFIRMATION, subject, issuerLabel, in.from(),
                in.where(), here, confirmTtl);
        boolean told = adapters.notify(issuer.where(),
                Reply.text(askText(requesterLabel, there.code(), consequence(there.entry()))));
        audit.record(in.from(), "connect request", issuer.identity().toString(), AuditLog.Outcome.ALLOWED,
                in.requestId());
        String otherChat = issuer.identity().platform().displayName();
        return Reply.text(askText(issuerLabel, mine.code(), consequence(mine.entry())) + "\n\n"
                + (told ? "I've asked " + otherChat + " to confirm too; the join happens once both chats did."
                        : "Then send /connect in " + otherChat + " to see this request there and confirm it too."))
                .asEphemeral();
    }

    /** Step 3: one side's code; the second confirmation performs the join. */
    private Reply confirm(Inbound in, String code) {
        ChatConfirmations.Attempt attempt = confirmations.confirm(CONFIRMATION, in.from(), code);
        if (attempt instanceof ChatConfirmations.Attempt.WrongCode wrong) {
            audit.record(in.from(), "connect confirm", "wrong code", AuditLog.Outcome.DENIED, in.requestId());
            return Reply.text("That code doesn't match. " + wrong.triesLeft()
                    + (wrong.triesLeft() == 1 ? " try" : " tries") + " left.");
        }
        if (attempt instanceof ChatConfirmations.Attempt.Refused refused) {
            audit.record(in.from(), "connect confirm", refused.entry().detail(), AuditLog.Outcome.DENIED,
                    in.requestId());
            return Reply.text("Too many wrong codes, so I dropped that request. Nothing was joined.");
        }
        if (!(attempt instanceof ChatConfirmations.Attempt.Confirmed confirmed)) {
            return Reply.text("No request to join accounts is waiting for a code here (codes work for a few "
                    + "minutes). Send /connect in your other chat app to start again.");
        }
        ChatConfirmations.Entry mine = confirmed.entry();
        audit.record(in.from(), "connect confirm", mine.detail(), AuditLog.Outcome.ALLOWED, in.requestId());
        if (!confirmations.finish(CONFIRMATION, mine.subject())) {
            return Reply.text("Confirmed here. The join happens once " + mine.detail()
                    + " confirms too, within " + minutes() + " minutes.");
        }
        List<ChatConfirmations.Entry> sides = confirmations.ofSubject(CONFIRMATION, mine.subject());
        ChatConfirmations.Entry other = sides.stream().filter(e -> !e.id().equals(mine.id())).findFirst()
                .orElseThrow(() -> new IllegalStateException("a join request has two sides"));
        return joinBoth(mine, other, in.requestId());
    }

    private Reply joinBoth(ChatConfirmations.Entry mine, ChatConfirmations.Entry other, String requestId) {
        // Each side must still be the account it was when it confirmed: a join or reset since then voids the request.
        if (!stillOn(mine) || !stillOn(other)) {
            return Reply.text("One of the chats changed accounts in the meantime, so nothing was joined. Send "
                    + "/connect to start again.");
        }
        AccountJoin.Outcome outcome = join.join(other.accountId(), mine.accountId());
        if (outcome instanceof AccountJoin.Outcome.BothLinked) {
            adapters.notify(other.where(), bothLinked());
            return bothLinked();
        }
        audit.record(mine.who(), "connect", other.who().toString(), AuditLog.Outcome.ALLOWED, requestId);
        audit.record(other.who(), "connect", mine.who().toString(), AuditLog.Outcome.ALLOWED, requestId);
        adapters.notify(other.where(), done(mine.detail()));
        return done(other.detail());
    }

    private boolean stillOn(ChatConfirmations.Entry side) {
        return accounts.find(side.who()).map(a -> a.id().equals(side.accountId())).orElse(false);
    }

    /** What confirming means for this side's account, said plainly before it confirms. */
    private String consequence(ChatConfirmations.Entry side) {
        Optional<String> otherAccount = confirmations.ofSubject(CONFIRMATION, side.subject()).stream()
                .filter(e -> !e.id().equals(side.id())).map(ChatConfirmations.Entry::accountId).findFirst();
        if (otherAccount.isEmpty()
                || !(join.preview(side.accountId(), otherAccount.get()) instanceof AccountJoin.Outcome.Joined j)) {
            return "";
        }
        if (j.survivingAccountId().equals(side.accountId())) {
            return join.hasGarmin(side.accountId())
                    ? " They would see your runs from Garmin and everything you ask me."
                    : " They would see everything you ask me and anything you connect later.";
        }
        return " This chat would switch to their account: its data and settings replace this chat's.";
    }

    private String askText(String otherLabel, String code, String consequence) {
        return otherLabel + " asks to share one pace42 account with this chat." + consequence
                + "\n\nOnly if that is you, reply **/connect confirm " + code + "** within " + minutes()
                + " minutes. If it isn't you, ignore this: nothing changes.";
    }

    private static Reply done(String otherLabel) {
        return Reply.text("Done: " + otherLabel + " and this chat now share one pace42 account. Ask from either; "
                + "/status shows both.");
    }

    private static Reply bothLinked() {
        return Reply.text("Both accounts already have Garmin connected, so I can't join them without losing "
                + "one. Send /unlink in one of the chats first, then /connect again.");
    }

    private long minutes() {
        return Math.max(1, confirmTtl.toMinutes());
    }

    /** Platform, display name (shown only) and the ids the request is really bound to. */
    static String label(PlatformIdentity who, String displayName) {
        String name = displayName == null || displayName.isBlank() || who.platform() == Platform.WEB
                ? "" : displayName.strip() + " ";
        return who.platform().displayName() + " user " + name + "(id " + who.toString()
                .substring(who.platform().id().length() + 1) + ")";
    }
}
