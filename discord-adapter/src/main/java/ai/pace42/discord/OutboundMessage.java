package ai.pace42.discord;

import ai.pace42.bot.channel.Reply;
import java.util.List;

/**
 * One Discord message, already rendered to Discord markdown and within Discord's limits.
 *
 * @param content at most 2,000 characters; may be empty when the message is just a file
 * @param png       a file to upload (a chart, or e.g. the plan's calendar), or null
 * @param mediaType the upload's media type (image/png for charts)
 */
record OutboundMessage(String content, byte[] png, String fileName, List<Reply.Part.LinkButton> buttons, String mediaType) {

    static final String PNG = "image/png";

    OutboundMessage {
        content = content == null ? "" : content;
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
        mediaType = mediaType == null ? PNG : mediaType;
    }

    OutboundMessage(String content, byte[] png, String fileName, List<Reply.Part.LinkButton> buttons) {
        this(content, png, fileName, buttons, PNG);
    }

    static OutboundMessage text(String content) {
        return new OutboundMessage(content, null, null, List.of());
    }

    boolean hasFile() {
        return png != null;
    }

    /** For logs: the shape, never the content. */
    String describe() {
        return content.length() + " chars" + (hasFile() ? " + " + fileName : "")
                + (buttons.isEmpty() ? "" : " + " + buttons.size() + " button(s)");
    }
}
