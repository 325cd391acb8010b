package ai.pace42.bot.notice;

import ai.pace42.bot.channel.Adapters;
import ai.pace42.bot.channel.ConversationRef;
import ai.pace42.bot.channel.Reply;
import java.util.Optional;

/**
 * The one place the core writes to a runner on its own initiative: to the conversation the account wrote from
 * last, through the running adapters ({@link Adapters#notify}). A platform without push (the browser chat) or
 * an account that never wrote directly gets nothing, and the caller learns so from the result.
 */
public final class Notices {

    private final Adapters adapters;
    private final KnownConversations conversations;

    public Notices(Adapters adapters, KnownConversations conversations) {
        this.adapters = adapters;
        this.conversations = conversations;
    }

    /** True when an adapter took the notice. Never throws. */
    public boolean tell(String accountId, String text) {
        Optional<ConversationRef> where;
        try {
            where = conversations.latest(accountId);
        } catch (RuntimeException e) {
            return false; // the database is down: the notice is lost, the runner's data is not
        }
        return where.isPresent() && adapters.notify(where.get(), Reply.text(text));
    }

    /** Sends to a conversation directly (a broadcast already chose them). */
    public boolean tell(ConversationRef where, String text) {
        return adapters.notify(where, Reply.text(text));
    }

    public KnownConversations conversations() {
        return conversations;
    }
}
