package ai.pace42.bot.linking;

import ai.pace42.bot.admin.AuditLog;
import ai.pace42.bot.channel.Adapters;
import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.commands.LinkCommand;
import ai.pace42.bot.commands.UnlinkCommand;
import ai.pace42.bot.data.AccountDataSources;
import ai.pace42.bot.data.DataSourceKind;
import ai.pace42.bot.data.LinkedSource;
import ai.pace42.bot.secrets.SecretStore;
import ai.pace42.bot.secrets.SecretStoreUnavailableException;
import java.util.Optional;

/**
 * Finishes a Garmin link once a method on the link page has validated the runner's Garmin access: uses the
 * one-time link up (exactly one of concurrent completions wins), stores the tokens under the link's own account,
 * switches the account to Garmin data, audits, and tells the chat.
 */
public final class GarminLinking {

    private final OneTimeLinks links;
    private final SecretStore secrets;
    private final AccountDataSources sources;
    private final LinkedSource garmin;
    private final AuditLog audit;
    private final Adapters adapters;

    public GarminLinking(OneTimeLinks links, SecretStore secrets, AccountDataSources sources, LinkedSource garmin,
                         AuditLog audit, Adapters adapters) {
        this.links = links;
        this.secrets = secrets;
        this.sources = sources;
        this.garmin = garmin;
        this.audit = audit;
        this.adapters = adapters;
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
     * Completes the link. Empty when the link was already used, expired or revoked (including by a concurrent
     * completion that won). Throws {@link SecretStoreUnavailableException} before using the link up when the
     * secret store cannot take the tokens, so the runner can simply try again.
     */
    public Optional<PendingLink> complete(String token, String garminDisplayName, String secretJson,
                                          String requestId) {
        SecretStore.Health health = secrets.health();
        if (!health.healthy()) {
            throw new SecretStoreUnavailableException(health.message());
        }
        Optional<PendingLink> won = links.consume(LinkCommand.PURPOSE, token);
        if (won.isEmpty()) {
            return Optional.empty();
        }
        PendingLink link = won.get();
        secrets.put(link.accountId(), UnlinkCommand.GARMIN_SECRET, secretJson);
        garmin.forget(link.accountId()); // a re-link to another Garmin account must not see the old cache
        sources.choose(link.accountId(), DataSourceKind.GARMIN);
        audit.record(link.identity(), "link garmin", link.accountId(), AuditLog.Outcome.ALLOWED, requestId);
        adapters.notify(link.where(), Reply.text("Garmin connected as **" + garminDisplayName
                + "**. Not you? Send /unlink."));
        return won;
    }
}
