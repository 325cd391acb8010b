package ai.pace42.bot.channel;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One message from a user, already translated out of the platform's own shape.
 *
 * @param direct            true in a private chat / DM, false in a group channel
 * @param displayName       what the platform calls the user, shown back to them; may be empty
 * @param requestId         correlation id carried into every log line written while handling the message
 * @param timeZoneHint      the client's time zone when the platform tells us (the browser does); may be empty
 * @param sharedLocation    a location the user shared through the platform, or null
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
        String timeZoneHint,
        SharedLocation sharedLocation) {

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

    /** A message without a shared location, the common case. */
    public Inbound(PlatformIdentity from, ConversationRef where, String text, List<Attachment> attachments,
                   boolean direct, Instant receivedAt, String platformMessageId, String displayName, String requestId,
                   String timeZoneHint) {
        this(from, where, text, attachments, direct, receivedAt, platformMessageId, displayName, requestId,
                timeZoneHint, null);
    }

    /** The location the user shared with this message, if any. */
    public Optional<SharedLocation> location() {
        return Optional.ofNullable(sharedLocation);
    }

    /** This message carrying a shared location. */
    public Inbound withLocation(SharedLocation location) {
        return new Inbound(from, where, text, attachments, direct, receivedAt, platformMessageId, displayName,
                requestId, timeZoneHint, location);
    }

    /** A plain text message in a direct conversation, the common case. */
    public static Inbound directText(PlatformIdentity from, String text, String requestId) {
        return new Inbound(from, ConversationRef.direct(from), text, List.of(), true, Instant.now(),
                "", "", requestId, "");
    }
}
