package ai.pace42.bot.channel;

import java.util.Objects;

/** Where a conversation happens, enough for the bot to write there again later (e.g. a proactive notice). */
public record ConversationRef(Platform platform, String tenantId, String channelId, String userId) {

    public ConversationRef {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(userId, "userId");
    }

    /** A one-to-one conversation whose channel is the user, as in the browser chat. */
    public static ConversationRef direct(PlatformIdentity who) {
        return new ConversationRef(who.platform(), who.tenantId(), who.userId(), who.userId());
    }
}
