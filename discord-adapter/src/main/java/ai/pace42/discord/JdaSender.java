package ai.pace42.discord;

import java.util.concurrent.CompletableFuture;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.interactions.InteractionHook;

/**
 * {@link DiscordSender} over JDA, so JDA's rate-limit buckets and retries apply to everything the gateway path
 * sends. Every call is queued ({@code submit}), never awaited on a JDA thread.
 */
final class JdaSender implements DiscordSender {

    private final JDA jda;

    JdaSender(JDA jda) {
        this.jda = jda;
    }

    @Override
    public CompletableFuture<Void> toChannel(String channelId, String userId, OutboundMessage message) {
        // A DM channel is reached through its user: JDA reuses the open channel from its cache.
        return toUser(userId, message);
    }

    @Override
    public CompletableFuture<Void> toUser(String userId, OutboundMessage message) {
        return jda.openPrivateChannelById(userId)
                .flatMap(channel -> channel.sendMessage(JdaMessages.create(message)))
                .submit().thenApply(sent -> null);
    }

    @Override
    public CompletableFuture<Void> editOriginal(InteractionRef interaction, OutboundMessage message) {
        return hook(interaction).editOriginal(JdaMessages.edit(message)).submit().thenApply(sent -> null);
    }

    @Override
    public CompletableFuture<Void> followUp(InteractionRef interaction, OutboundMessage message, boolean ephemeral) {
        return hook(interaction).sendMessage(JdaMessages.create(message)).setEphemeral(ephemeral).submit()
                .thenApply(sent -> null);
    }

    private InteractionHook hook(InteractionRef interaction) {
        return InteractionHook.from(jda, interaction.token());
    }
}
