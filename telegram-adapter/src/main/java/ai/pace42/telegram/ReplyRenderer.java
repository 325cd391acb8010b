package ai.pace42.telegram;

import ai.pace42.bot.channel.Capabilities;
import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.channel.ReplyLayout;
import ai.pace42.bot.channel.TextRenderer;
import java.util.List;

/**
 * Turns a {@link Reply} into Telegram messages: the core's {@link ReplyLayout} for Telegram's capabilities (HTML,
 * 4,096 characters a message, captions up to 1,024), each laid-out message a sendMessage or a sendPhoto with its
 * inline keyboard, and a file a sendDocument.
 */
final class ReplyRenderer {

    static final int MAX_TEXT = 4096;
    static final int MAX_CAPTION = 1024;
    static final Capabilities CAPABILITIES = new Capabilities(MAX_TEXT, MAX_CAPTION, true, true, false,
            TextRenderer.TELEGRAM_HTML).withFiles();

    List<OutboundMessage> render(Reply reply) {
        List<OutboundMessage> out = ReplyLayout.of(reply, CAPABILITIES).stream().map(ReplyRenderer::toMessage).toList();
        return withLocationButton(reply, out);
    }

    /**
     * The core's location request becomes a one-time reply keyboard with a request_location button on the last
     * text message without link buttons (Telegram allows one keyboard a message, and this one in private chats only;
     * the core offers it there only).
     */
    private static List<OutboundMessage> withLocationButton(Reply reply, List<OutboundMessage> out) {
        String label = reply.parts().stream().filter(p -> p instanceof Reply.Part.LocationRequest)
                .map(p -> ((Reply.Part.LocationRequest) p).label()).findFirst().orElse(null);
        if (label == null || out.isEmpty() || !(out.get(out.size() - 1) instanceof OutboundMessage.Text last)
                || !last.buttons().isEmpty()) {
            return out;
        }
        List<OutboundMessage> copy = new java.util.ArrayList<>(out);
        copy.set(copy.size() - 1, last.askingForLocation(label));
        return List.copyOf(copy);
    }

    private static OutboundMessage toMessage(ReplyLayout.Message m) {
        if (m.hasFile()) {
            return new OutboundMessage.Document(m.file().bytes(), m.file().name());
        }
        if (m.hasImage()) {
            return new OutboundMessage.Photo(m.image().png(), m.text().isEmpty() ? null : m.text(), m.buttons());
        }
        return new OutboundMessage.Text(m.text(), m.buttons());
    }
}
