package ai.pace42.discord;

import ai.pace42.bot.channel.Inbound;

/** What to do with one Discord message or interaction. */
sealed interface Mapped permits Mapped.ForCore, Mapped.Ignored {

    /** For the conversation; {@code ephemeral} tells how an interaction is acknowledged. */
    record ForCore(Inbound inbound, boolean ephemeral) implements Mapped {
    }

    /** Not for us; the reason goes to the debug log. */
    record Ignored(String reason) implements Mapped {
    }
}
