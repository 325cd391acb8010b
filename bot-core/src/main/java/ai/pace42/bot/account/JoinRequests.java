package ai.pace42.bot.account;

import ai.pace42.bot.admin.AuditLog;
import ai.pace42.bot.channel.ConversationRef;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.linking.ChatConfirmations;
import ai.pace42.bot.linking.PendingLink;
import ai.pace42.bot.persistence.Ids;
import java.time.Duration;
import java.util.Optional;

/**
 * Requests to join two chat identities' accounts, approved by both. Using the other chat's {@code /connect} code
 * only creates a request with one six-digit confirmation per side, each bound to that side's identity; the
 * accounts are joined when both sides confirmed, in their own chats, before the request expires.
 *
 * <p>Why both sides: either may be the victim. If the side that used the code was tricked into sending an
 * attacker's code, its own confirmation code never leaves its chat; if the side that issued the code was tricked
 * into passing it on, the same holds for its code. So whichever account survives, the side that keeps data and
 * the side that holds Garmin have each approved, having been shown who the other identity is.
 */
public final class JoinRequests {

    /** The purpose of join confirmations in {@link ChatConfirmations}; the two sides share a subject. */
    public static final String CONFIRMATION = "connect";

    /** One side of a request: its confirmation, the code only its chat is shown, and what joining means for it. */
    public record Side(ChatConfirmations.Entry entry, String code, Effect effect) {
        @Override
        public String toString() {
            return "Side[" + entry.id() + ", code=****, " + effect + "]";
        }
    }

    /** What a join would do to one side's account, so its chat can be told before it confirms. */
    public enum Effect {
        /** Its account survives and holds Garmin tokens: the other identity would see its Garmin data. */
        SHARES_GARMIN,
        /** Its account survives: the other identity would see everything it asks. */
        SHARES_ACCOUNT,
        /** Its account is absorbed: this chat would use the other account from then on. */
        SWITCHES_ACCOUNT
    }

    public sealed interface Requested {
        record Asked(Side issuer, Side requester) implements Requested {
        }

        record AlreadyOne() implements Requested {
        }

        record BothHaveGarmin() implements Requested {
        }
    }

    public sealed interface Confirmed {
        record WrongCode(int triesLeft) implements Confirmed {
        }

        /** Too many wrong codes: this request is over. */
        record Refused() implements Confirmed {
        }

        record NothingWaiting() implements Confirmed {
        }

        /** This side confirmed; the other (named by {@code otherLabel}) has not yet. */
        record Waiting(String otherLabel) implements Confirmed {
        }

        record Joined(ChatConfirmations.Entry mine, ChatConfirmations.Entry other) implements Confirmed {
        }

        /** Both confirmed, but meanwhile both accounts got Garmin tokens; {@code other} is told too. */
        record BothHaveGarmin(ChatConfirmations.Entry other) implements Confirmed {
        }

        /** One side changed accounts since the request (another join): nothing was joined. */
        record Changed() implements Confirmed {
        }
    }

    private final ChatConfirmations confirmations;
    private final Duration ttl;
    private final AccountService accounts;
    private final AccountJoin join;
    private final AuditLog audit;

    public JoinRequests(ChatConfirmations confirmations, Duration ttl, AccountService accounts, AccountJoin join,
                        AuditLog audit) {
        this.confirmations = confirmations;
        this.ttl = ttl;
        this.accounts = accounts;
        this.join = join;
        this.audit = audit;
    }

    /** How long each side has to confirm. */
    public Duration ttl() {
        return ttl;
    }

    /** {@code who} used the code {@code issuer} issued: asks both sides, joins nothing. */
    public Requested request(PendingLink issuer, PlatformIdentity who, ConversationRef where, String accountId,
                             String displayName, String requestId) {
        AccountJoin.Outcome plan = join.preview(issuer.accountId(), accountId);
        if (plan instanceof AccountJoin.Outcome.AlreadyOne) {
            return new Requested.AlreadyOne();
        }
        if (!(plan instanceof AccountJoin.Outcome.Joined joined)) {
            return new Requested.BothHaveGarmin();
        }
        String subject = Ids.newId("join");
        ChatConfirmations.Issued there = confirmations.issue(CONFIRMATION, subject, label(who, displayName),
                issuer.identity(), issuer.where(), issuer.accountId(), ttl);
        ChatConfirmations.Issued mine = confirmations.issue(CONFIRMATION, subject,
                label(issuer.identity(), issuer.displayName()), who, where, accountId, ttl);
        audit.record(who, "connect request", issuer.identity().toString(), AuditLog.Outcome.ALLOWED, requestId);
        return new Requested.Asked(new Side(there.entry(), there.code(), effectOn(issuer.accountId(), joined)),
                new Side(mine.entry(), mine.code(), effectOn(accountId, joined)));
    }

    /** The request waiting for this identity, with a fresh code (the old one stops working). */
    public Optional<Side> waitingFor(PlatformIdentity who) {
        return confirmations.awaiting(CONFIRMATION, who).flatMap(waiting -> other(waiting)
                .flatMap(other -> confirmations.newCodeFor(waiting).map(code -> {
                    AccountJoin.Outcome plan = join.preview(waiting.accountId(), other.accountId());
                    Effect effect = plan instanceof AccountJoin.Outcome.Joined joined
                            ? effectOn(waiting.accountId(), joined) : Effect.SHARES_ACCOUNT;
                    return new Side(waiting, code, effect);
                })));
    }

    /** One side's code; the second confirmation performs the join. */
    public Confirmed confirm(PlatformIdentity who, String code, String requestId) {
        ChatConfirmations.Attempt attempt = confirmations.confirm(CONFIRMATION, who, code);
        if (attempt instanceof ChatConfirmations.Attempt.WrongCode wrong) {
            audit.record(who, "connect confirm", "wrong code", AuditLog.Outcome.DENIED, requestId);
            return new Confirmed.WrongCode(wrong.triesLeft());
        }
        if (attempt instanceof ChatConfirmations.Attempt.Refused refused) {
            audit.record(who, "connect confirm", refused.entry().detail(), AuditLog.Outcome.DENIED, requestId);
            return new Confirmed.Refused();
        }
        if (!(attempt instanceof ChatConfirmations.Attempt.Confirmed confirmed)) {
            return new Confirmed.NothingWaiting();
        }
        ChatConfirmations.Entry mine = confirmed.entry();
        audit.record(who, "connect confirm", mine.detail(), AuditLog.Outcome.ALLOWED, requestId);
        if (!confirmations.finish(CONFIRMATION, mine.subject())) {
            return new Confirmed.Waiting(mine.detail());
        }
        ChatConfirmations.Entry other = other(mine)
                .orElseThrow(() -> new IllegalStateException("a join request has two sides"));
        // Each side must still be on the account it confirmed for: a join since then voids the request.
        if (!stillOn(mine) || !stillOn(other)) {
            return new Confirmed.Changed();
        }
        if (join.join(other.accountId(), mine.accountId()) instanceof AccountJoin.Outcome.BothLinked) {
            return new Confirmed.BothHaveGarmin(other);
        }
        audit.record(mine.who(), "connect", other.who().toString(), AuditLog.Outcome.ALLOWED, requestId);
        audit.record(other.who(), "connect", mine.who().toString(), AuditLog.Outcome.ALLOWED, requestId);
        return new Confirmed.Joined(mine, other);
    }

    private Optional<ChatConfirmations.Entry> other(ChatConfirmations.Entry side) {
        return confirmations.ofSubject(CONFIRMATION, side.subject()).stream()
                .filter(e -> !e.id().equals(side.id())).findFirst();
    }

    private boolean stillOn(ChatConfirmations.Entry side) {
        return accounts.find(side.who()).map(a -> a.id().equals(side.accountId())).orElse(false);
    }

    private Effect effectOn(String accountId, AccountJoin.Outcome.Joined plan) {
        if (!plan.survivingAccountId().equals(accountId)) {
            return Effect.SWITCHES_ACCOUNT;
        }
        return join.hasGarmin(accountId) ? Effect.SHARES_GARMIN : Effect.SHARES_ACCOUNT;
    }

    /** Platform, display name (shown only) and the ids the request is really bound to. */
    static String label(PlatformIdentity who, String displayName) {
        String name = displayName == null || displayName.isBlank() || who.platform() == Platform.WEB
                ? "" : displayName.strip() + " ";
        String ids = who.tenantId().isEmpty() ? who.userId() : who.tenantId() + ":" + who.userId();
        return who.platform().displayName() + " user " + name + "(id " + ids + ")";
    }
}
