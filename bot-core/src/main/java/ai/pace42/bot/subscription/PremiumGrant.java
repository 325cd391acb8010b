package ai.pace42.bot.subscription;

import ai.pace42.bot.account.Account;
import ai.pace42.bot.account.AccountService;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.channel.Reply;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code /admin premium <platform:id> <days>}: premium for that many more days; 0 days revokes it (extra plans are
 * paused, never deleted). AdminCommand checks the allow-list and writes the audit entry.
 */
public final class PremiumGrant implements Function<String, Reply> {

    private final AccountService accounts;
    private final Subscriptions subscriptions;

    public PremiumGrant(AccountService accounts, Subscriptions subscriptions) {
        this.accounts = accounts;
        this.subscriptions = subscriptions;
    }

    @Override
    public Reply apply(String args) {
        String[] words = args == null ? new String[0] : args.strip().split("\\s+");
        if (words.length != 2 || !words[1].matches("\\d{1,4}")) {
            return Reply.text("Usage: /admin premium <platform:id> <days>, e.g. /admin premium telegram:123456 30 (0 revokes)");
        }
        Optional<Account> account;
        try {
            account = accounts.find(PlatformIdentity.parse(words[0]));
        } catch (IllegalArgumentException e) {
            return Reply.text("That is not an identity. Use platform:id, e.g. telegram:123456");
        }
        if (account.isEmpty()) {
            return Reply.text("No account for " + words[0] + ".");
        }
        int days = Integer.parseInt(words[1]);
        String id = account.get().id();
        if (days == 0) {
            int paused = subscriptions.revoke(id, "revoked", "admin", null);
            return Reply.text("Premium revoked for " + id + "; " + paused + " extra active plan(s) paused, none deleted.");
        }
        return Reply.text("Premium for " + id + " until " + subscriptions.grant(id, days, "admin").atZone(ZoneOffset.UTC).toLocalDate() + ".");
    }
}
