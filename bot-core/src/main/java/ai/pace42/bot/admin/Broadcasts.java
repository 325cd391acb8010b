package ai.pace42.bot.admin;

import ai.pace42.bot.channel.ConversationRef;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.notice.Notices;
import ai.pace42.bot.security.RandomTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /admin broadcast}: a message to every account's latest direct conversation, in two steps. The first
 * call only counts the recipients and issues a short code bound to the operator and the exact text; only
 * {@code /admin broadcast confirm <code>} from the same operator within {@link #TTL} sends it. A drafted text
 * is sent to no one before that confirmation. Drafts live in the database ({@code broadcast_drafts}, the code
 * as SHA-256 only), so the confirmation may reach any instance; deleting the row decides which confirmation
 * sends, so a draft confirmed on two instances at once goes out once.
 */
public final class Broadcasts {

    static final Duration TTL = Duration.ofMinutes(10);
    /** Messages longer than this would be split by every platform; a broadcast stays one message. */
    static final int MAX_LENGTH = 1_500;

    /** A drafted broadcast waiting for its operator's confirmation. */
    private record Draft(String text, String codeHash, Instant expires) {
    }

    /** The outcome of one step, for the reply and the audit log. */
    public sealed interface Step {
        record Drafted(int recipients, String code) implements Step {
        }

        record Sent(int sent, int recipients) implements Step {
        }

        record Refused(String reason) implements Step {
        }
    }

    private final Jdbi jdbi;
    private final Notices notices;
    private final Clock clock;

    public Broadcasts(Jdbi jdbi, Notices notices, Clock clock) {
        this.jdbi = jdbi;
        this.notices = notices;
        this.clock = clock;
    }

    /** The dry run: counts recipients and holds the text for the operator's confirmation. Sends nothing. */
    public Step draft(PlatformIdentity operator, String text) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            return new Step.Refused("Usage: /admin broadcast <text>, then /admin broadcast confirm <code>.");
        }
        if (body.length() > MAX_LENGTH) {
            return new Step.Refused("A broadcast is at most " + MAX_LENGTH + " characters (this one has "
                    + body.length() + ").");
        }
        int recipients = notices.conversations().latestOfEveryAccount().size();
        String code = RandomTokens.newToken().substring(0, 6).toUpperCase(Locale.ROOT);
        long now = clock.millis();
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM broadcast_drafts WHERE operator = :o OR expires_at < :now")
                    .bind("o", operator.toString()).bind("now", now).execute();
            h.createUpdate("INSERT INTO broadcast_drafts (operator, body, code_hash, recipients, expires_at) "
                    + "VALUES (:o, :b, :c, :r, :e)").bind("o", operator.toString()).bind("b", body)
                    .bind("c", RandomTokens.sha256Hex(code)).bind("r", recipients)
                    .bind("e", now + TTL.toMillis()).execute();
        });
        return new Step.Drafted(recipients, code);
    }

    /** Takes the operator's draft out of the database; empty when there is none or another instance took it. */
    private Optional<Draft> takeDraft(PlatformIdentity operator) {
        return jdbi.inTransaction(h -> {
            Optional<Draft> draft = h.createQuery("SELECT body, code_hash, expires_at FROM broadcast_drafts "
                    + "WHERE operator = :o").bind("o", operator.toString())
                    .map((rs, ctx) -> new Draft(rs.getString("body"), rs.getString("code_hash"),
                            Instant.ofEpochMilli(rs.getLong("expires_at")))).findOne();
            if (draft.isEmpty()) {
                return draft;
            }
            int taken = h.createUpdate("DELETE FROM broadcast_drafts WHERE operator = :o AND code_hash = :c")
                    .bind("o", operator.toString()).bind("c", draft.get().codeHash()).execute();
            return taken == 1 ? draft : Optional.<Draft>empty();
        });
    }

    /** Sends the operator's draft when the code matches and it has not expired; the draft is used up either way. */
    public Step confirm(PlatformIdentity operator, String code) {
        Optional<Draft> draft = takeDraft(operator);
        if (draft.isEmpty() || clock.instant().isAfter(draft.get().expires())) {
            return new Step.Refused("No broadcast is waiting for your confirmation (drafts last "
                    + TTL.toMinutes() + " minutes). Start again with /admin broadcast <text>.");
        }
        if (code == null || !java.security.MessageDigest.isEqual(draft.get().codeHash().getBytes(
                java.nio.charset.StandardCharsets.UTF_8), RandomTokens.sha256Hex(code.strip().toUpperCase(
                Locale.ROOT)).getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            return new Step.Refused("That code does not match your draft; it was discarded. Start again with "
                    + "/admin broadcast <text>.");
        }
        List<ConversationRef> to = notices.conversations().latestOfEveryAccount();
        int sent = 0;
        for (ConversationRef where : to) {
            sent += notices.tell(where, draft.get().text()) ? 1 : 0;
        }
        return new Step.Sent(sent, to.size());
    }
}
