package ai.pace42.telegram;

import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.Reply;

/** What to do with one Telegram update. */
sealed interface MappedUpdate permits MappedUpdate.ForCore, MappedUpdate.Answer, MappedUpdate.Ignored {

    /** A message for the conversation; the core's reply goes back to {@code chatId}. */
    record ForCore(long chatId, Inbound inbound) implements MappedUpdate {
    }

    /** The adapter answers by itself (content it cannot read, something that belongs in a private chat). */
    record Answer(long chatId, Reply reply, String requestId) implements MappedUpdate {
    }

    /** Not for us; the reason goes to the debug log. */
    record Ignored(String reason) implements MappedUpdate {
    }
}
