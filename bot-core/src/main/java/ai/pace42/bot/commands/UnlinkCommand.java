package ai.pace42.bot.commands;

import ai.pace42.bot.admin.AuditLog;
import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.conversation.Command;
import ai.pace42.bot.conversation.CommandContext;
import ai.pace42.bot.data.AccountDataSources;
import ai.pace42.bot.data.DataSourceKind;
import ai.pace42.bot.data.LinkedSource;
import ai.pace42.bot.linking.GarminLinking;
import ai.pace42.bot.secrets.SecretStore;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Disconnects Garmin after a confirmation: deletes every secret the account holds (the active tokens, tokens
 * staged by a link not yet confirmed, values of link flows in progress) and stops using the data.
 */
public final class UnlinkCommand implements Command {

    /** The secret-store name Garmin tokens are kept under. */
    public static final String GARMIN_SECRET = "garmin";

    private final SecretStore secrets;
    private final AccountDataSources sources;
    private final LinkedSource garmin;
    private final AuditLog audit;

    public UnlinkCommand(SecretStore secrets, AccountDataSources sources, LinkedSource garmin, AuditLog audit) {
        this.secrets = secrets;
        this.sources = sources;
        this.garmin = garmin;
        this.audit = audit;
    }

    @Override
    public String name() {
        return "unlink";
    }

    @Override
    public boolean privateOnly() {
        return true;
    }

    @Override
    public String usage() {
        return "/unlink";
    }

    @Override
    public String summary() {
        return "Disconnect Garmin and delete its tokens";
    }

    @Override
    public Reply run(CommandContext context) {
        String accountId = context.account().id();
        if (!context.args().toLowerCase(Locale.ROOT).equals("confirm")) {
            return Reply.text("This disconnects Garmin and deletes the access pace42 holds for it. Your questions "
                    + "will have no data until you /link again. To go ahead, send **/unlink confirm**.");
        }
        Optional<String> stored = secrets.get(accountId, GARMIN_SECRET);
        Optional<String> staged = secrets.get(accountId, GarminLinking.STAGED_SECRET);
        List<String> names = secrets.names(accountId);
        for (String name : names) {
            secrets.delete(accountId, name);
        }
        garmin.forget(accountId);
        // After the delete, so a slow or failing revocation can never leave the tokens stored.
        boolean revoked = stored.map(secret -> garmin.revoke(accountId, secret)).orElse(false);
        staged.ifPresent(secret -> garmin.revoke(accountId, secret));
        if (sources.kindOf(accountId) == DataSourceKind.GARMIN) {
            sources.choose(accountId, DataSourceKind.NONE);
        }
        audit.record(context.inbound().from(), "unlink garmin", accountId, AuditLog.Outcome.ALLOWED,
                context.inbound().requestId());
        if (stored.isEmpty() && names.isEmpty()) {
            return Reply.text("Garmin wasn't connected, so there was nothing to delete. Send /link to connect it.");
        }
        if (stored.isEmpty()) {
            return Reply.text("Garmin wasn't connected yet; the link you had started is cancelled and its tokens "
                    + "are deleted. Send /link whenever you want to connect.");
        }
        return Reply.text("Done: Garmin is disconnected" + (revoked ? ", Garmin has withdrawn pace42's access," : "")
                + " and its tokens are deleted. Send /link whenever you want to connect again.");
    }
}
