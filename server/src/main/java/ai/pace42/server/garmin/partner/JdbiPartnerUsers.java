package ai.pace42.server.garmin.partner;

import ai.pace42.bot.security.RandomTokens;
import ai.pace42.garmin.partner.PartnerUsers;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Developer Program user ids → pace42 accounts ({@code garmin_partner_users}). Only a SHA-256 of the Garmin user
 * id is stored; a lookup hashes the id a notification names. An account has at most one mapping and a Garmin user
 * maps to at most one account: the latest link wins.
 */
public final class JdbiPartnerUsers implements PartnerUsers {

    private final Jdbi jdbi;
    private final Clock clock;

    public JdbiPartnerUsers(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** The hash logs may show instead of a Garmin user id (first 12 hex digits of its SHA-256). */
    public static String logHash(String partnerUserId) {
        return RandomTokens.sha256Hex(partnerUserId).substring(0, 12);
    }

    @Override
    public Optional<String> accountOf(String partnerUserId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT account_id FROM garmin_partner_users WHERE user_hash = :h")
                .bind("h", RandomTokens.sha256Hex(partnerUserId)).mapTo(String.class).findOne());
    }

    public void remember(String accountId, String partnerUserId) {
        String hash = RandomTokens.sha256Hex(partnerUserId);
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM garmin_partner_users WHERE account_id = :a OR user_hash = :h")
                    .bind("a", accountId).bind("h", hash).execute();
            h.createUpdate("INSERT INTO garmin_partner_users (user_hash, account_id, linked_at) VALUES (:h, :a, :t)")
                    .bind("h", hash).bind("a", accountId).bind("t", clock.millis()).execute();
        });
    }

    public void forgetAccount(String accountId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM garmin_partner_users WHERE account_id = :a")
                .bind("a", accountId).execute());
    }
}
