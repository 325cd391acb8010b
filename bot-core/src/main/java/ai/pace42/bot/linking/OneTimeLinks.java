package ai.pace42.bot.linking;

import ai.pace42.bot.channel.ConversationRef;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.error.ErrorCode;
import ai.pace42.bot.error.Pace42Exception;
import ai.pace42.bot.security.RandomTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * One-time link tokens: 256 random bits, stored only as SHA-256, bound to the identity and account that asked,
 * valid for a few minutes, one active token per identity and purpose, and consumed by exactly one caller.
 */
public final class OneTimeLinks {

    /** At most this many links per identity and purpose per hour. */
    public static final int MAX_PER_HOUR = 5;

    private final Jdbi jdbi;
    private final Clock clock;
    private final Duration ttl;

    public OneTimeLinks(Jdbi jdbi, Clock clock, Duration ttl) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.ttl = ttl;
    }

    public record Issued(String token, Instant expiresAt) {

        /** Whole minutes left, rounded up: a link issued a moment ago for 15 minutes says "15", not "14". */
        public long minutesLeft() {
            return Math.max(1, (Duration.between(Instant.now(), expiresAt).toSeconds() + 59) / 60);
        }

        @Override
        public String toString() {
            return "Issued[token=****, expiresAt=" + expiresAt + "]";
        }
    }

    /**
     * Issues a new token for {@code purpose} (e.g. {@code garmin}), revoking any older unused one of the same
     * identity and purpose. Refused with {@link ErrorCode#RATE_LIMITED} beyond {@link #MAX_PER_HOUR}.
     */
    public Issued issue(String purpose, PlatformIdentity who, ConversationRef where, String accountId,
                        String displayName) {
        String token = RandomTokens.newToken();
        Instant now = clock.instant();
        Instant expires = now.plus(ttl);
        jdbi.useTransaction(h -> {
            long recent = h.createQuery("SELECT COUNT(*) FROM link_tokens WHERE platform = :p AND tenant_id = :t "
                            + "AND user_id = :u AND purpose = :purpose AND created_at > :since")
                    .bind("p", who.platform().id()).bind("t", who.tenantId()).bind("u", who.userId())
                    .bind("purpose", purpose).bind("since", now.minus(Duration.ofHours(1)).toEpochMilli())
                    .mapTo(Long.class).one();
            if (recent >= MAX_PER_HOUR) {
                throw new Pace42Exception(ErrorCode.RATE_LIMITED,
                        "You've asked for several links in the last hour. Please use the newest one, or try again later.");
            }
            // Older unused links stop working: only the newest link of an identity is valid.
            h.createUpdate("UPDATE link_tokens SET used_at = :now, ended_by = 'replaced' WHERE platform = :p "
                            + "AND tenant_id = :t AND user_id = :u AND purpose = :purpose AND used_at IS NULL")
                    .bind("now", now.toEpochMilli()).bind("p", who.platform().id()).bind("t", who.tenantId())
                    .bind("u", who.userId()).bind("purpose", purpose).execute();
            h.createUpdate("INSERT INTO link_tokens (token_hash, purpose, platform, tenant_id, user_id, channel_id, "
                            + "account_id, display_name, created_at, expires_at) VALUES (:hash, :purpose, :p, :t, :u, "
                            + ":c, :a, :d, :now, :exp)")
                    .bind("hash", hash(token)).bind("purpose", purpose).bind("p", who.platform().id())
                    .bind("t", who.tenantId()).bind("u", who.userId()).bind("c", where.channelId())
                    .bind("a", accountId).bind("d", displayName == null ? "" : displayName)
                    .bind("now", now.toEpochMilli()).bind("exp", expires.toEpochMilli()).execute();
        });
        return new Issued(token, expires);
    }

    /** The link a token stands for, without using it up (GETs by link previewers must not consume it). */
    public Optional<PendingLink> peek(String purpose, String token) {
        if (!RandomTokens.wellFormed(token)) {
            return Optional.empty();
        }
        long now = clock.millis();
        // The identity's first contact names a browser chat, whose user id would mean nothing to the runner.
        return jdbi.withHandle(h -> h.createQuery("SELECT l.*, i.created_at AS identity_since FROM link_tokens l "
                        + "LEFT JOIN platform_identities i ON i.platform = l.platform AND i.tenant_id = l.tenant_id "
                        + "AND i.user_id = l.user_id WHERE l.token_hash = :hash "
                        + "AND l.purpose = :purpose AND l.used_at IS NULL AND l.expires_at > :now")
                .bind("hash", hash(token)).bind("purpose", purpose).bind("now", now)
                .map((rs, ctx) -> {
                    Platform platform = Platform.fromId(rs.getString("platform"));
                    PlatformIdentity who = new PlatformIdentity(platform, rs.getString("tenant_id"),
                            rs.getString("user_id"));
                    ConversationRef where = new ConversationRef(platform, who.tenantId(), rs.getString("channel_id"),
                            who.userId());
                    return new PendingLink(rs.getString("token_hash"), who, where, rs.getString("account_id"),
                            rs.getString("display_name"), Instant.ofEpochMilli(rs.getLong("created_at")),
                            Instant.ofEpochMilli(rs.getLong("expires_at")),
                            Instant.ofEpochMilli(rs.getObject("identity_since") == null ? rs.getLong("created_at")
                                    : rs.getLong("identity_since")));
                }).findOne());
    }

    /**
     * Uses the token up in one atomic statement. Of many concurrent callers exactly one gets the link; the
     * others, and any later caller, get empty.
     */
    public Optional<PendingLink> consume(String purpose, String token) {
        Optional<PendingLink> link = peek(purpose, token);
        if (link.isEmpty()) {
            return Optional.empty();
        }
        long now = clock.millis();
        int won = jdbi.withHandle(h -> h.createUpdate("UPDATE link_tokens SET used_at = :now, ended_by = 'used' "
                        + "WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now")
                .bind("now", now).bind("hash", link.get().tokenHash()).bind("purpose", purpose).execute());
        return won == 1 ? link : Optional.empty();
    }

    /** Whether a token can still be used, and if not, why: for a page that tells the runner what to do next. */
    public LinkState state(String purpose, String token) {
        if (!RandomTokens.wellFormed(token)) {
            return LinkState.UNKNOWN;
        }
        long now = clock.millis();
        return jdbi.withHandle(h -> h.createQuery("SELECT used_at, ended_by, expires_at FROM link_tokens "
                        + "WHERE token_hash = :hash AND purpose = :purpose")
                .bind("hash", hash(token)).bind("purpose", purpose)
                .map((rs, ctx) -> {
                    if (rs.getObject("used_at") != null) {
                        return "replaced".equals(rs.getString("ended_by")) ? LinkState.REPLACED : LinkState.USED;
                    }
                    return rs.getLong("expires_at") > now ? LinkState.ACTIVE : LinkState.EXPIRED;
                }).findOne().orElse(LinkState.UNKNOWN));
    }

    /** What is stored for a token. */
    public static String hash(String token) {
        return RandomTokens.sha256Hex(token);
    }
}
