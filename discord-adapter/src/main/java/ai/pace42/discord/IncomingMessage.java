package ai.pace42.discord;

import java.time.Instant;
import java.util.List;

/**
 * A Discord message reduced to primitives, so the mapping to the core is a pure function that tests can feed
 * with recorded shapes and no JDA objects.
 *
 * @param direct true in the DM channel between the user and the bot
 */
record IncomingMessage(String messageId, String channelId, boolean direct, String authorId, boolean authorIsBot,
                       String authorName, String content, List<FileRef> files, Instant sentAt) {

    IncomingMessage {
        content = content == null ? "" : content;
        files = files == null ? List.of() : List.copyOf(files);
        authorName = authorName == null ? "" : authorName;
    }

    /** An attachment as Discord describes it; {@code url} is the CDN address the bytes are fetched from. */
    record FileRef(String fileName, String contentType, long size, String url) {
    }
}
