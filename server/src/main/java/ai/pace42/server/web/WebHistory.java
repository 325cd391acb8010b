package ai.pace42.server.web;

import ai.pace42.bot.channel.PlatformIdentity;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The browser chat's newest messages per browser identity ({@code web_chat_history}, migration V18), so a reload
 * shows the conversation again. Rows go with their identity (/logout, /delete); older ones are trimmed on write.
 */
public final class WebHistory {

    /** Messages kept per browser: a screenful of conversation, a bounded amount of stored charts. */
    public static final int KEPT = 60;

    /** One stored message. {@code author} is {@code runner} or {@code coach}. */
    public record Entry(long seq, String author, List<ChatResponse.PartJson> parts) {
    }

    private static final TypeReference<List<ChatResponse.PartJson>> PARTS = new TypeReference<>() {
    };

    private final Jdbi jdbi;
    private final Clock clock;
    private final ObjectMapper json;
    /** Increasing within this process and across restarts (it starts from the clock), so order survives both. */
    private final AtomicLong lastSeq;

    public WebHistory(Jdbi jdbi, Clock clock, ObjectMapper json) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.json = json;
        this.lastSeq = new AtomicLong(clock.millis() * 1000);
    }

    /** Stores a message and returns its sequence number; the identity must exist (the core created it). */
    public long append(PlatformIdentity who, String author, List<ChatResponse.PartJson> parts) {
        return appendAll(who, List.of(new Message(author, parts)))[0];
    }

    /** One message to store: who wrote it and what it showed. */
    public record Message(String author, List<ChatResponse.PartJson> parts) {
    }

    /**
     * Stores messages in order in one transaction (a question and its answer: one commit, so one WAL sync,
     * and one trim) and returns their sequence numbers.
     */
    public long[] appendAll(PlatformIdentity who, List<Message> messages) {
        long[] seqs = new long[messages.size()];
        String[] bodies = new String[messages.size()];
        for (int i = 0; i < seqs.length; i++) {
            seqs[i] = lastSeq.updateAndGet(previous -> Math.max(previous + 1, clock.millis() * 1000));
            bodies[i] = write(messages.get(i).parts());
        }
        jdbi.useTransaction(h -> {
            PreparedBatch insert = h.prepareBatch("INSERT INTO web_chat_history (platform, tenant_id, user_id, seq, "
                    + "author, body, created_at) VALUES (:p, :t, :u, :seq, :author, :body, :at)");
            for (int i = 0; i < seqs.length; i++) {
                insert.bind("p", who.platform().id()).bind("t", who.tenantId()).bind("u", who.userId())
                        .bind("seq", seqs[i]).bind("author", messages.get(i).author()).bind("body", bodies[i])
                        .bind("at", clock.millis()).add();
            }
            insert.execute();
            h.createUpdate("DELETE FROM web_chat_history WHERE platform = :p AND tenant_id = :t AND user_id = :u "
                            + "AND seq < (SELECT MIN(seq) FROM (SELECT seq FROM web_chat_history WHERE platform = :p "
                            + "AND tenant_id = :t AND user_id = :u ORDER BY seq DESC LIMIT " + KEPT + ") newest)")
                    .bind("p", who.platform().id()).bind("t", who.tenantId()).bind("u", who.userId())
                    .execute();
        });
        return seqs;
    }

    /** The messages after {@code seq} (0 for all kept), oldest first. */
    public List<Entry> after(PlatformIdentity who, long seq) {
        return jdbi.withHandle(h -> h.createQuery("SELECT seq, author, body FROM web_chat_history "
                        + "WHERE platform = :p AND tenant_id = :t AND user_id = :u AND seq > :after ORDER BY seq")
                .bind("p", who.platform().id()).bind("t", who.tenantId()).bind("u", who.userId())
                .bind("after", seq)
                .map((rs, ctx) -> new Entry(rs.getLong("seq"), rs.getString("author"), read(rs.getString("body"))))
                .list());
    }

    private String write(List<ChatResponse.PartJson> parts) {
        try {
            return json.writeValueAsString(parts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("message parts are always serialisable", e);
        }
    }

    private List<ChatResponse.PartJson> read(String body) {
        try {
            return json.readValue(body, PARTS);
        } catch (JsonProcessingException e) {
            return List.of(); // a row this version cannot read shows as an empty message, never as an error
        }
    }
}
