package ai.pace42.slack;

import ai.pace42.bot.channel.Inbound;

/** What to do with one Slack event or command. */
sealed interface MappedEvent permits MappedEvent.ForCore, MappedEvent.Ignored {

    /** A message for the conversation; the core's reply goes to {@code to}. */
    record ForCore(Inbound inbound, Destination to) implements MappedEvent {
    }

    /** Not for us; the reason goes to the debug log. */
    record Ignored(String reason) implements MappedEvent {
    }
}
