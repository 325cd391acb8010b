package ai.pace42.discord;

import ai.pace42.bot.channel.Reply;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON body of a Discord message create/edit, as the REST API takes it (also {@code payload_json}). */
final class MessageJson {

    /** Discord's message flag that makes an interaction response visible to the invoker only. */
    static final int EPHEMERAL = 1 << 6;

    private MessageJson() {
    }

    static ObjectNode of(ObjectMapper json, OutboundMessage m, boolean ephemeral) {
        ObjectNode body = json.createObjectNode();
        body.put("content", m.content());
        // Nobody is pinged by what the coach writes, whatever the text contains.
        body.putObject("allowed_mentions").putArray("parse");
        if (ephemeral) {
            body.put("flags", EPHEMERAL);
        }
        ArrayNode rows = body.putArray("components");
        if (!m.buttons().isEmpty()) {
            ArrayNode buttons = rows.addObject().put("type", 1).putArray("components");
            for (Reply.Part.LinkButton b : m.buttons().subList(0, Math.min(5, m.buttons().size()))) {
                buttons.addObject().put("type", 2).put("style", 5).put("label", b.label()).put("url", b.url());
            }
        }
        ArrayNode attachments = body.putArray("attachments");
        if (m.hasFile()) {
            attachments.addObject().put("id", 0).put("filename", m.fileName());
        }
        return body;
    }
}
