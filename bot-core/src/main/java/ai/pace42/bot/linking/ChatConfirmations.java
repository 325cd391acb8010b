package ai.pace42.bot.linking;

import ai.pace42.bot.channel.ConversationRef;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.persistence.Ids;
import ai.pace42.bot.security.RandomTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Six-digit codes a runner types into their own chat ({@code /link confirm 123456}, {@code /connect confirm …}) to
 * approve something that happened elsewhere. A code is shown where only the approving person sees it, is bound to
 * one chat identity, is stored as a hash, allows {@link #MAX_ATTEMPTS} wrong tries and lives a few minutes.
 *
 * <p>Several rows may share a subject (the two sides of one join request); {@link #finish} completes a subject only
 * once every one of its rows was confirmed, and exactly one caller wins that.
 */
public final class ChatConfirmations {

    /** Wrong codes before a confirmation is ended: 5 tries at 10^6 codes leave a guesser a 1 in 200,000 chance. */
    public static final int MAX_ATTEMPTS = 5;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Jdbi jdbi;
    private final Clock clock;

    public ChatConfirmations(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** One confirmation awaiting (or given by) one chat identity. */
    public record Entry(String id, String purpose, String subject, String detail, PlatformIdentity who,
                        ConversationRef where, String accountId, Instant expiresAt, boolean confirmed) {
    }

    /**
     * A new confirmation and its code, which is shown once and never stored, with the older confirmations it
     * replaced (so the caller can drop what waited on them).
     */
    public record Issued(Entry entry, String code, List<Entry> replaced) {
        @Override
        public String toString() {
            return "Issued[" + entry.id() + ", code=****]";
        }
    }

    public sealed interface Attempt permits Attempt.Confirmed, Attempt.WrongCode, Attempt.Refused, Attempt.NonePending {
        record Confirmed(Entry entry) implements Attempt {
        }

        record WrongCode(int triesLeft) implements Attempt {
        }

        /** Too many wrong codes: the confirmation is ended and whatever waited on it must be dropped. */
        record Refused(Entry entry) implements Attempt {
        }

        record NonePending() implements Attempt {
        }
    }

    /**
     * Issues a code for {@code who} to approve {@code subject}. Older open confirmations of the same purpose for the
     * same identity or account end as replaced.
     */
    public Issued issue(String purpose, String subject, String detail, PlatformIdentity who,
                                    ConversationRef where, String accountId, Duration ttl) {
        String id = Ids.newId("cfm");
        String code = newCode();
        Instant now = clock.instant();
        Instant expires = now.plus(ttl);
        List<Entry> replaced = jdbi.inTransaction(h -> {
            List<Entry> older = h.createQuery("SELECT * FROM chat_confirmations WHERE purpose = :purpose "
                            + "AND ended_by IS NULL AND ((platform = :p AND tenant_id = :t AND user_id = :u) "
                            + "OR account_id = :a)")
                    .bind("purpose", purpose).bind("p", who.platform().id()).bind("t", who.tenantId())
                    .bind("u", who.userId()).bind("a", accountId).map(ChatConfirmations::entry).list();
            for (Entry e : older) {
                end(h, e.id(), "replaced", now);
            }
            h.createUpdate("INSERT INTO chat_confirmations (id, purpose, subject, detail, platform, tenant_id, "
                            + "user_id, channel_id, account_id, code_hash, created_at, expires_at) VALUES (:id, "
                            + ":purpose, :subject, :detail, :p, :t, :u, :c, :a, :hash, :now, :exp)")
                    .bind("id", id).bind("purpose", purpose).bind("subject", subject).bind("detail", detail)
                    .bind("p", who.platform().id()).bind("t", who.tenantId()).bind("u", who.userId())
                    .bind("c", where.channelId()).bind("a", accountId).bind("hash", hash(id, code))
                    .bind("now", now.toEpochMilli()).bind("exp", expires.toEpochMilli()).execute();
            return older;
        });
        Entry entry = new Entry(id, purpose, subject, detail, who, where, accountId, expires, false);
        return new Issued(entry, code, replaced);
    }

    /** The newest confirmation still waiting for this identity's code. */
    public Optional<Entry> awaiting(String purpose, PlatformIdentity who) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM chat_confirmations WHERE purpose = :purpose "
                        + "AND platform = :p AND tenant_id = :t AND user_id = :u AND ended_by IS NULL "
                        + "AND confirmed_at IS NULL AND expires_at > :now ORDER BY created_at DESC")
                .bind("purpose", purpose).bind("p", who.platform().id()).bind("t", who.tenantId())
                .bind("u", who.userId()).bind("now", clock.millis()).map(ChatConfirmations::entry).findFirst());
    }

    /** A fresh code for a waiting confirmation (the old one stops working), for a chat that lost the message. */
    public Optional<String> newCodeFor(Entry entry) {
        String code = newCode();
        int changed = jdbi.withHandle(h -> h.createUpdate("UPDATE chat_confirmations SET code_hash = :hash "
                        + "WHERE id = :id AND ended_by IS NULL AND confirmed_at IS NULL AND expires_at > :now")
                .bind("hash", hash(entry.id(), code)).bind("id", entry.id()).bind("now", clock.millis()).execute());
        return changed == 1 ? Optional.of(code) : Optional.empty();
    }

    /** Checks a code typed by {@code who}; wrong codes count against the confirmation's attempts. */
    public Attempt confirm(String purpose, PlatformIdentity who, String code) {
        Optional<Entry> waiting = awaiting(purpose, who);
        if (waiting.isEmpty()) {
            return new Attempt.NonePending();
        }
        Entry entry = waiting.get();
        long now = clock.millis();
        String stored = jdbi.withHandle(h -> h.createQuery("SELECT code_hash FROM chat_confirmations WHERE id = :id")
                .bind("id", entry.id()).mapTo(String.class).one());
        boolean matches = code.strip().matches("\\d{6}") && MessageDigest.isEqual(
                stored.getBytes(StandardCharsets.US_ASCII), hash(entry.id(), code.strip())
                        .getBytes(StandardCharsets.US_ASCII));
        if (matches) {
            int won = jdbi.withHandle(h -> h.createUpdate("UPDATE chat_confirmations SET confirmed_at = :now "
                            + "WHERE id = :id AND ended_by IS NULL AND confirmed_at IS NULL AND expires_at > :now")
                    .bind("now", now).bind("id", entry.id()).execute());
            return won == 1 ? new Attempt.Confirmed(entry) : new Attempt.NonePending();
        }
        int attempts = jdbi.inTransaction(h -> {
            h.createUpdate("UPDATE chat_confirmations SET attempts = attempts + 1 WHERE id = :id")
                    .bind("id", entry.id()).execute();
            int made = h.createQuery("SELECT attempts FROM chat_confirmations WHERE id = :id").bind("id", entry.id())
                    .mapTo(Integer.class).one();
            if (made >= MAX_ATTEMPTS) {
                end(h, entry.id(), "refused", clock.instant());
            }
            return made;
        });
        return attempts >= MAX_ATTEMPTS ? new Attempt.Refused(entry) : new Attempt.WrongCode(MAX_ATTEMPTS - attempts);
    }

    /**
     * Completes a subject once every one of its rows is confirmed and none ended or expired. True for exactly one
     * caller (the one whose update ended the rows); false while a side is still waiting.
     */
    public boolean finish(String purpose, String subject) {
        long now = clock.millis();
        int ended = jdbi.withHandle(h -> h.createUpdate("UPDATE chat_confirmations SET ended_by = 'done', "
                        + "ended_at = :now WHERE purpose = :purpose AND subject = :subject AND ended_by IS NULL "
                        + "AND NOT EXISTS (SELECT 1 FROM chat_confirmations o WHERE o.purpose = :purpose "
                        + "AND o.subject = :subject AND (o.confirmed_at IS NULL OR o.ended_by IS NOT NULL "
                        + "OR o.expires_at <= :now))")
                .bind("now", now).bind("purpose", purpose).bind("subject", subject).execute());
        return ended > 0;
    }

    /** Every row of a subject, e.g. the other side of a join request. */
    public List<Entry> ofSubject(String purpose, String subject) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM chat_confirmations WHERE purpose = :purpose "
                        + "AND subject = :subject ORDER BY created_at")
                .bind("purpose", purpose).bind("subject", subject).map(ChatConfirmations::entry).list());
    }

    /**
     * Ends every open confirmation whose minutes ran out, each only after {@code beforeEnding} dropped what waited
     * on it: when that fails (a sealed secret store), the rest stay open and the next run tries again.
     */
    public int endExpired(String purpose, Consumer<Entry> beforeEnding) {
        Instant now = clock.instant();
        List<Entry> expired = jdbi.withHandle(h -> h.createQuery("SELECT * FROM chat_confirmations "
                        + "WHERE purpose = :purpose AND ended_by IS NULL AND expires_at <= :now")
                .bind("purpose", purpose).bind("now", now.toEpochMilli()).map(ChatConfirmations::entry).list());
        for (Entry e : expired) {
            beforeEnding.accept(e);
            jdbi.useHandle(h -> end(h, e.id(), "expired", now));
        }
        return expired.size();
    }

    /** Forgets confirmations that ended more than {@code age} ago (the audit log keeps what happened). */
    public int deleteEndedBefore(Duration age) {
        long cutoff = clock.instant().minus(age).toEpochMilli();
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM chat_confirmations WHERE ended_at IS NOT NULL "
                + "AND ended_at < :cutoff").bind("cutoff", cutoff).execute());
    }

    private static void end(Handle h, String id, String why, Instant now) {
        h.createUpdate("UPDATE chat_confirmations SET ended_by = :why, ended_at = :now WHERE id = :id "
                        + "AND ended_by IS NULL")
                .bind("why", why).bind("now", now.toEpochMilli()).bind("id", id).execute();
    }

    private static Entry entry(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        Platform platform = Platform.fromId(rs.getString("platform"));
        PlatformIdentity who = new PlatformIdentity(platform, rs.getString("tenant_id"), rs.getString("user_id"));
        ConversationRef where = new ConversationRef(platform, who.tenantId(), rs.getString("channel_id"),
                who.userId());
        return new Entry(rs.getString("id"), rs.getString("purpose"), rs.getString("subject"),
                rs.getString("detail"), who, where, rs.getString("account_id"),
                Instant.ofEpochMilli(rs.getLong("expires_at")), rs.getObject("confirmed_at") != null);
    }

    private static String newCode() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    /** The row id salts the hash, so equal codes of two confirmations never hash alike. */
    private static String hash(String id, String code) {
        return RandomTokens.sha256Hex(id + ":" + code);
    }
}
