package ai.pace42.bot.linking;

import ai.pace42.bot.channel.ConversationRef;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What a valid one-time link stands for: the chat identity and account that asked for it. Whatever is linked
 * through the page is stored under this account, never under anything the browser sends.
 *
 * @param issuedAt      when the chat asked for the link
 * @param identitySince the identity's first contact with pace42 (when a browser chat was started)
 */
public record PendingLink(String tokenHash, PlatformIdentity identity, ConversationRef where, String accountId,
                          String displayName, Instant issuedAt, Instant expiresAt, Instant identitySince) {

    /** Times on the page are in UTC: the person reading it may not be the one whose zone we know. */
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM yyyy 'at' HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /**
     * How the page names the chat being linked, e.g. "Telegram user Ana" or "the browser chat started on 1 Dec 2026
     * at 21:30 UTC". Display names are only shown; the link itself is bound to the identity's ids.
     */
    public String identityLabel() {
        if (identity.platform() == Platform.WEB) {
            return "the browser chat started on " + WHEN.format(identitySince); // its user id is a hash
        }
        String who = displayName.isBlank() ? identity.userId() : displayName;
        return identity.platform().displayName() + " user " + who;
    }

    /** The chat in a few words, for a heading: "Telegram (Ana)", "the browser chat". */
    public String chatName() {
        if (identity.platform() == Platform.WEB) {
            return "the browser chat";
        }
        return identity.platform().displayName() + " (" + (displayName.isBlank() ? identity.userId() : displayName)
                + ")";
    }

    /** When the chat asked for this link, for the page ("asked for on 1 Dec 2026 at 21:45 UTC"). */
    public String issuedLabel() {
        return WHEN.format(issuedAt);
    }
}
