package ai.pace42.bot.notice;

import ai.pace42.bot.channel.ConversationRef;
import ai.pace42.bot.channel.Platform;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;

/**
 * The direct conversations each account last wrote from (ids only, table {@code known_conversations}), so the
 * core can write first: a notice, or an operator's broadcast. A conversation is written at most once an hour
 * per instance, so a busy chat costs no database write per message.
 */
public final class KnownConversations {

    /** How often the same conversation's "last seen" is refreshed in the database. */
    static final Duration REFRESH = Duration.ofHours(1);
    private static final int MEMORY = 10_000;

    private final Jdbi jdbi;
    private final Clock clock;
    /** By account and conversation: a chat whose account was deleted and made anew is written again at once. */
    private final Map<Map.Entry<String, ConversationRef>, Instant> written = new ConcurrentHashMap<>();

    public KnownConversations(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Called for every direct message; never throws (a notice is a courtesy, the message is what matters). */
    public void remember(String accountId, ConversationRef where) {
        Instant now = clock.instant();
        Map.Entry<String, ConversationRef> key = Map.entry(accountId, where);
        Instant last = written.get(key);
        if (last != null && Duration.between(last, now).compareTo(REFRESH) < 0) {
            return;
        }
        if (written.size() > MEMORY) {
            written.clear();
        }
        written.put(key, now);
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO known_conversations (account_id, platform, tenant_id, "
                        + "channel_id, user_id, last_seen) VALUES (:a, :p, :t, :c, :u, :s) ON CONFLICT (account_id, "
                        + "platform, tenant_id, channel_id, user_id) DO UPDATE SET last_seen = :s")
                .bind("a", accountId).bind("p", where.platform().id()).bind("t", where.tenantId())
                .bind("c", where.channelId()).bind("u", where.userId()).bind("s", now.toEpochMilli()).execute());
    }

    /** The conversation the account wrote from most recently. */
    public Optional<ConversationRef> latest(String accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT platform, tenant_id, channel_id, user_id FROM "
                        + "known_conversations WHERE account_id = :a ORDER BY last_seen DESC LIMIT 1")
                .bind("a", accountId).map((rs, ctx) -> ref(rs)).findFirst());
    }

    /** For a broadcast: every account's most recent conversation, one per account. */
    public List<ConversationRef> latestOfEveryAccount() {
        return jdbi.withHandle(h -> h.createQuery("SELECT k.platform, k.tenant_id, k.channel_id, k.user_id FROM "
                        + "known_conversations k WHERE k.last_seen = (SELECT MAX(o.last_seen) FROM "
                        + "known_conversations o WHERE o.account_id = k.account_id) ORDER BY k.account_id")
                .map((rs, ctx) -> ref(rs)).list()).stream().distinct().toList();
    }

    private static ConversationRef ref(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ConversationRef(Platform.fromId(rs.getString("platform")), rs.getString("tenant_id"),
                rs.getString("channel_id"), rs.getString("user_id"));
    }
}
