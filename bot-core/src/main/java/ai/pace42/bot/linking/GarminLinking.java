package ai.pace42.bot.linking;

import ai.pace42.bot.admin.AuditLog;
import ai.pace42.bot.channel.Adapters;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.commands.LinkCommand;
import ai.pace42.bot.commands.UnlinkCommand;
import ai.pace42.bot.data.AccountDataSources;
import ai.pace42.bot.data.DataSourceKind;
import ai.pace42.bot.data.LinkedSource;
import ai.pace42.bot.secrets.SecretStore;
import ai.pace42.bot.secrets.SecretStoreUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Finishes a Garmin link in two steps. A method on the link page validates the runner's Garmin access; then
 * {@link #complete} uses the one-time link up (exactly one of concurrent completions wins) and <em>stages</em> the
 * tokens under the link's own account, and the page shows a six-digit code. Only when that code is typed into the
 * chat that asked for the link ({@code /link confirm 123456}, {@link #confirm}) are the tokens put to use.
 *
 * <p>Why a code on the page and not a button in the chat: the attack is a link asked for in the attacker's chat
 * and forwarded to a victim, who connects their own Garmin. A button in the asking chat would be pressed by the
 * attacker; the code is seen only by whoever signed in to Garmin, next to the name of the chat it would go to.
 * An unconfirmed link gives that chat nothing, and when its minutes run out ({@link #purgeExpired}) the staged
 * tokens are deleted and given up at Garmin.
 */
public final class GarminLinking {

    /** Confirmations of finished links, in {@link ChatConfirmations}. */
    public static final String CONFIRMATION = "garmin-link";
    /** The secret-store name of tokens waiting for the chat's confirmation; nothing reads Garmin data from it. */
    public static final String STAGED_SECRET = "garmin-staged";

    /** What the page shows once Garmin accepted: the code for the chat and how long it works. */
    public record Completed(PendingLink link, String code, Instant confirmBy) {
        @Override
        public String toString() {
            return "Completed[" + link.accountId() + ", code=****, confirmBy=" + confirmBy + "]";
        }
    }

    /** The answer to a code typed into the chat. */
    public sealed interface Confirmation {
        record Activated(String garminDisplayName) implements Confirmation {
        }

        record WrongCode(int triesLeft) implements Confirmation {
        }

        /** Too many wrong codes: the staged tokens are gone. */
        record Refused() implements Confirmation {
        }

        record NothingWaiting() implements Confirmation {
        }
    }

    private final OneTimeLinks links;
    private final ChatConfirmations confirmations;
    private final Duration confirmTtl;
    private final SecretStore secrets;
    private final AccountDataSources sources;
    private final LinkedSource garmin;
    private final AuditLog audit;
    private final Adapters adapters;
    private final Consumer<String> afterLink;

    /**
     * @param confirmTtl how long the chat has to confirm a finished link
     * @param afterLink  runs with the account id once a link is in use, e.g. to sync ahead of the first question
     */
    public GarminLinking(OneTimeLinks links, ChatConfirmations confirmations, Duration confirmTtl,
                         SecretStore secrets, AccountDataSources sources, LinkedSource garmin, AuditLog audit,
                         Adapters adapters, Consumer<String> afterLink) {
        this.links = links;
        this.confirmations = confirmations;
        this.confirmTtl = confirmTtl;
        this.secrets = secrets;
        this.sources = sources;
        this.garmin = garmin;
        this.audit = audit;
        this.adapters = adapters;
        this.afterLink = afterLink;
    }

    /** The pending link of a token, if it is still valid; does not use it up. */
    public Optional<PendingLink> pending(String token) {
        return links.peek(LinkCommand.PURPOSE, token);
    }

    /** Why a token cannot be used (or that it can), for the link page's message. */
    public LinkState state(String token) {
        return links.state(LinkCommand.PURPOSE, token);
    }

    /**
     * Uses the link up and stages the tokens until the chat confirms. Empty when the link was already used, expired
     * or revoked (including by a concurrent completion that won). Throws {@link SecretStoreUnavailableException}
     * before using the link up when the secret store cannot take the tokens, so the runner can simply try again.
     */
    public Optional<Completed> complete(String token, String garminDisplayName, String secretJson,
                                        String requestId) {
        requireHealthyStore();
        Optional<PendingLink> won = links.consume(LinkCommand.PURPOSE, token);
        if (won.isEmpty()) {
            return Optional.empty();
        }
        PendingLink link = won.get();
        ChatConfirmations.Issued issued = confirmations.issue(CONFIRMATION, link.tokenHash(), garminDisplayName,
                link.identity(), link.where(), link.accountId(), confirmTtl);
        dropStaged(link.accountId(), Optional.of(secretJson)); // an earlier unconfirmed link, replaced just now
        secrets.put(link.accountId(), STAGED_SECRET, secretJson);
        audit.record(link.identity(), "link garmin staged", link.accountId(), AuditLog.Outcome.ALLOWED, requestId);
        long minutes = Math.max(1, confirmTtl.toMinutes());
        // Says nothing about the Garmin account: this chat may belong to someone who forwarded the link.
        adapters.notify(link.where(), Reply.text("A Garmin account was signed in on the page of your link. It is "
                + "not used yet: send **/link confirm** and the 6-digit code shown on that page within " + minutes
                + " minutes. If you didn't open the link yourself, do nothing; nothing is kept."));
        return Optional.of(new Completed(link, issued.code(), issued.entry().expiresAt()));
    }

    /** Checks a code typed in the chat; the right one from the identity that asked for the link activates it. */
    public Confirmation confirm(PlatformIdentity who, String code, String requestId) {
        purgeExpired();
        requireHealthyStore();
        ChatConfirmations.Attempt attempt = confirmations.confirm(CONFIRMATION, who, code);
        if (attempt instanceof ChatConfirmations.Attempt.WrongCode wrong) {
            audit.record(who, "link garmin confirm", "wrong code", AuditLog.Outcome.DENIED, requestId);
            return new Confirmation.WrongCode(wrong.triesLeft());
        }
        if (attempt instanceof ChatConfirmations.Attempt.Refused refused) {
            dropStaged(refused.entry().accountId(), Optional.empty());
            audit.record(who, "link garmin confirm", refused.entry().accountId(), AuditLog.Outcome.DENIED, requestId);
            return new Confirmation.Refused();
        }
        if (!(attempt instanceof ChatConfirmations.Attempt.Confirmed confirmed)
                || !confirmations.finish(CONFIRMATION, confirmed.entry().subject())) {
            return new Confirmation.NothingWaiting();
        }
        String accountId = confirmed.entry().accountId();
        Optional<String> staged = secrets.get(accountId, STAGED_SECRET);
        if (staged.isEmpty()) {
            return new Confirmation.NothingWaiting();
        }
        activate(accountId, staged.get());
        audit.record(who, "link garmin", accountId, AuditLog.Outcome.ALLOWED, requestId);
        afterLink.accept(accountId);
        return new Confirmation.Activated(confirmed.entry().detail());
    }

    /**
     * Deletes the staged tokens of every confirmation whose minutes ran out and gives them up at Garmin, and
     * forgets confirmations ended a day ago. Runs before each confirmation and every minute in the server.
     */
    public int purgeExpired() {
        int purged = confirmations.endExpired(CONFIRMATION, expired -> dropStaged(expired.accountId(),
                Optional.empty()));
        confirmations.deleteEndedBefore(Duration.ofDays(1));
        return purged;
    }

    /** A new link replaces the old one: the old tokens are deleted (every version) and deregistered at Garmin. */
    private void activate(String accountId, String staged) {
        Optional<String> previous = secrets.get(accountId, UnlinkCommand.GARMIN_SECRET);
        previous.ifPresent(p -> secrets.delete(accountId, UnlinkCommand.GARMIN_SECRET));
        secrets.put(accountId, UnlinkCommand.GARMIN_SECRET, staged);
        secrets.delete(accountId, STAGED_SECRET);
        garmin.forget(accountId); // a re-link to another Garmin account must not see the old cache
        sources.choose(accountId, DataSourceKind.GARMIN);
        // After the tokens changed, so a slow or failing revocation never holds anything up.
        previous.ifPresent(p -> garmin.revokeReplaced(accountId, p, staged));
    }

    private void dropStaged(String accountId, Optional<String> replacement) {
        Optional<String> staged = secrets.get(accountId, STAGED_SECRET);
        if (staged.isPresent()) {
            secrets.delete(accountId, STAGED_SECRET);
            if (replacement.isPresent()) {
                garmin.revokeReplaced(accountId, staged.get(), replacement.get());
            } else {
                garmin.revoke(accountId, staged.get());
            }
        }
    }

    private void requireHealthyStore() {
        SecretStore.Health health = secrets.health();
        if (!health.healthy()) {
            throw new SecretStoreUnavailableException(health.message());
        }
    }
}
