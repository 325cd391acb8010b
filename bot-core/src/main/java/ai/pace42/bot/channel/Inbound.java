package ai.pace42.bot.channel;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One message from a user, already translated out of the platform's own shape.
 *
 * @param direct            true in a private chat / DM, false in a group channel
 * @param displayName       what the platform calls the user, shown back to them; may be empty
 * @param requestId         correlation id carried into every log line written while handling the message
 * @param timeZoneHint      the client's time zone when the platform tells us (the browser does); may be empty
 */
public record Inbound(
        PlatformIdentity from,
        ConversationRef where,
        String text,
        List<Attachment> attachments,
        boolean direct,
        Instant receivedAt,
        String platformMessageId,
        String displayName,
        String requestId,
        String timeZoneHint) {

    public Inbound {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(where, "where");
        text = text == null ? "" : text;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        Objects.requireNonNull(receivedAt, "receivedAt");
        platformMessageId = platformMessageId == null ? "" : platformMessageId;
        displayName = displayName == null ? "" : displayName;
        Objects.requireNonNull(requestId, "requestId");
        timeZoneHint = timeZoneHint == null ? "" : timeZoneHint;
    }

    /** A plain text message in a direct conversation, the common case. */
    public static Inbound directText(PlatformIdentity from, String text, String requestId) {
        return new Inbound(from, ConversationRef.direct(from), text, List.of(), true, Instant.now(),
                "", "", requestId, "");
    }
}
