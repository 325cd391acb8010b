package ai.pace42.bot.channel;

import java.io.IOException;
import java.util.Objects;

/**
 * A file the user sent, as facts (name, media type, size the platform reported) and its content. The content is
 * fetched only when the core reads it, never more than the limit the core passes, so the core never calls back
 * into an adapter mid-message.
 *
 * @param sizeBytes      what the platform said, or -1 when it did not say
 * @param platformFileId the platform's id for the file, for logs and tests
 */
public record Attachment(String fileName, String mimeType, long sizeBytes, String platformFileId, Content content) {

    /** The bytes of an attachment, read on demand and refused past {@code maxBytes}. */
    @FunctionalInterface
    public interface Content {

        byte[] read(long maxBytes) throws IOException;

        /** For content the platform does not hand out (a sticker, a photo the coach would not read anyway). */
        static Content unavailable() {
            return maxBytes -> {
                throw new IOException("this attachment has no readable content");
            };
        }

        /** Content already in memory (the browser upload, tests), within the same limit. */
        static Content of(byte[] bytes) {
            byte[] copy = bytes.clone();
            return maxBytes -> {
                if (copy.length > maxBytes) {
                    throw new ActivityFiles.TooLarge(maxBytes);
                }
                return copy.clone();
            };
        }
    }

    public Attachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(platformFileId, "platformFileId");
        Objects.requireNonNull(content, "content");
    }

    /** An attachment without readable content. */
    public Attachment(String fileName, String mimeType, long sizeBytes, String platformFileId) {
        this(fileName, mimeType, sizeBytes, platformFileId, Content.unavailable());
    }

    /** The content, at most {@code maxBytes}. */
    public byte[] read(long maxBytes) throws IOException {
        return content.read(maxBytes);
    }
}
