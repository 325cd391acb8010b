package ai.pace42.bot.linking;

import ai.pace42.bot.channel.ConversationRef;
import ai.pace42.bot.channel.PlatformIdentity;
import java.time.Instant;

/**
 * What a valid one-time link stands for: the chat identity and account that asked for it. Whatever is linked
 * through the page is stored under this account, never under anything the browser sends.
 */
public record PendingLink(String tokenHash, PlatformIdentity identity, ConversationRef where, String accountId,
                          String displayName, Instant expiresAt) {

    /** How the page names the identity being linked, e.g. "Telegram user Ana". */
    public String identityLabel() {
        if (identity.platform() == ai.pace42.bot.channel.Platform.WEB) {
            return "a browser chat"; // its user id is a hash, which would mean nothing to the runner
        }
        String who = displayName.isBlank() ? identity.userId() : displayName;
        return identity.platform().displayName() + " user " + who;
    }
}
