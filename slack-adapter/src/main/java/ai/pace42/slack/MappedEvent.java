package ai.pace42.slack;

import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.Reply;

/** What to do with one Slack event or command. */
sealed interface MappedEvent permits MappedEvent.ForCore, MappedEvent.Answer, MappedEvent.Ignored {

    /** A message for the conversation; the core's reply goes to {@code to}. */
    record ForCore(Inbound inbound, Destination to) implements MappedEvent {
    }

    /** The adapter answers by itself (e.g. a file it cannot read). */
    record Answer(Reply reply, Destination to, String requestId) implements MappedEvent {
    }

    /** Not for us; the reason goes to the debug log. */
    record Ignored(String reason) implements MappedEvent {
    }
}
