package ai.pace42.bot.channel;

import java.util.Objects;

/** A file the user sent; the adapter downloads it on demand through {@code platformFileId}. */
public record Attachment(String fileName, String mimeType, long sizeBytes, String platformFileId) {

    public Attachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(platformFileId, "platformFileId");
    }
}
