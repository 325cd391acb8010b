package ai.pace42.bot.account;

import ai.pace42.bot.admin.AuditLog;
import ai.pace42.bot.data.LinkedSource;
import ai.pace42.bot.secrets.SecretStore;
import ai.pace42.bot.secrets.SecretStoreUnavailableException;
import ai.pace42.bot.secrets.SecretUnreadableException;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Deletes a runner's whole account for good. Secrets go first, through the {@link SecretStore} port (so in Vault
 * too, where no database cascade reaches); then, in one transaction, the account row, which takes every table that
 * hangs off it by {@code ON DELETE CASCADE} (identities, usage counts, links, confirmations, the Garmin cache).
 * Older audit entries keep what happened but lose the chat ids; one new entry records the deletion with nothing but
 * the account id, so an operator can answer "was this account deleted, and when".
 */
public final class AccountDeletion {

    /** What was deleted, for the runner's answer. */
    public record Deleted(String accountId, List<String> identities, long usageDays, long pendingCodes,
                          long cachedRuns, long cachedDetails, List<String> secrets, boolean garminRevoked) {
    }

    private final Jdbi jdbi;
    private final SecretStore secrets;
    private final LinkedSource garmin;
    private final AuditLog audit;

    private final java.util.function.Consumer<String> forgetCached;

    public AccountDeletion(Jdbi jdbi, SecretStore secrets, LinkedSource garmin, AuditLog audit) {
        this(jdbi, secrets, garmin, audit, accountId -> { });
    }

    /** @param forgetCached drops what the coach keeps in memory about the deleted account (its cached answers) */
    public AccountDeletion(Jdbi jdbi, SecretStore secrets, LinkedSource garmin, AuditLog audit,
                           java.util.function.Consumer<String> forgetCached) {
        this.jdbi = jdbi;
        this.secrets = secrets;
        this.garmin = garmin;
        this.audit = audit;
        this.forgetCached = forgetCached;
    }

    /**
     * Throws {@link SecretStoreUnavailableException} before deleting anything when the secret store cannot serve,
     * so a retry later deletes everything rather than leaving tokens behind a deleted account.
     */
    public Deleted delete(String accountId, String requestId) {
        SecretStore.Health health = secrets.health();
        if (!health.healthy()) {
            throw new SecretStoreUnavailableException(health.message());
        }
        List<String> deletedSecrets = new ArrayList<>();
        List<String> revocable = new ArrayList<>();
        // Every name the store holds for the account, not a fixed list: link flows stage values of their own.
        for (String name : secrets.names(accountId)) {
            deletedSecrets.add(name);
            if (AccountJoin.RUNNER_SECRETS.contains(name)) {
                try {
                    secrets.get(accountId, name).ifPresent(revocable::add);
                } catch (SecretUnreadableException e) {
                    // deleted all the same; there is nothing to give up at Garmin
                }
            }
            secrets.delete(accountId, name);
        }
        Deleted deleted = jdbi.inTransaction(h -> {
            List<String> identities = h.attach(AccountDao.class).identitiesOf(accountId);
            Deleted counted = new Deleted(accountId, identities, count(h, "usage_daily", accountId),
                    count(h, "link_tokens", accountId) + count(h, "chat_confirmations", accountId),
                    count(h, "garmin_listed_runs", accountId), count(h, "garmin_activities", accountId),
                    deletedSecrets, false);
            forgetChatIds(h, accountId, identities);
            // The link page's state has no foreign key (it may outlive its account briefly): deleted here.
            h.createUpdate("DELETE FROM shared_web_state WHERE account_id = :id").bind("id", accountId).execute();
            h.attach(AccountDao.class).deleteAccount(accountId);
            return counted;
        });
        garmin.forget(accountId); // in-memory caches of the account
        forgetCached.accept(accountId);
        // After the delete, so a slow or failing revocation can never leave the tokens stored.
        boolean revoked = false;
        for (String value : revocable) {
            revoked |= garmin.revoke(accountId, value);
        }
        audit.recordAs("account:" + accountId, "delete account", accountId, AuditLog.Outcome.ALLOWED, requestId);
        return new Deleted(accountId, deleted.identities(), deleted.usageDays(), deleted.pendingCodes(),
                deleted.cachedRuns(), deleted.cachedDetails(), deleted.secrets(), revoked);
    }

    private static long count(Handle h, String table, String accountId) {
        // Table names are constants of this class, never input.
        return h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE account_id = :id").bind("id", accountId)
                .mapTo(Long.class).one();
    }

    /** Entries this account's chat identities made keep their action but not who made them or their detail. */
    private static void forgetChatIds(Handle h, String accountId, List<String> identities) {
        if (identities.isEmpty()) {
            return;
        }
        String gone = "deleted:" + accountId;
        h.createUpdate("UPDATE audit_log SET actor = :gone, target = NULL WHERE actor IN (<ids>)")
                .bind("gone", gone).bindList("ids", identities).execute();
        h.createUpdate("UPDATE audit_log SET target = :gone WHERE target IN (<ids>)")
                .bind("gone", gone).bindList("ids", identities).execute();
    }
}
