package ai.pace42.discord;

import java.util.concurrent.CompletableFuture;

/**
 * The few outbound calls pace42 makes to Discord. Implemented over JDA (gateway mode, JDA's rate-limit
 * handling) and over plain REST (the interactions endpoint without a gateway). Futures complete exceptionally
 * when Discord refuses.
 */
interface DiscordSender {

    /** Posts in a channel the bot can already write to (a user's DM channel). */
    CompletableFuture<Void> toChannel(String channelId, String userId, OutboundMessage message);

    /** Opens (or reuses) the DM with a user and posts there: proactive notices never go to a server channel. */
    CompletableFuture<Void> toUser(String userId, OutboundMessage message);

    /** Replaces the "thinking…" placeholder of a deferred interaction. */
    CompletableFuture<Void> editOriginal(InteractionRef interaction, OutboundMessage message);

    /** Adds a message after the original one; ephemeral follow-ups are seen by the invoker only. */
    CompletableFuture<Void> followUp(InteractionRef interaction, OutboundMessage message, boolean ephemeral);
}
