package ai.pace42.discord;

import ai.pace42.bot.channel.MessageSplitter;
import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.channel.TextRenderer;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link Reply} into Discord messages: markup rendered to escaped Discord markdown and split at 2,000
 * characters on paragraph and line boundaries; a chart becomes a PNG file upload, sharing a message with the
 * text right before it when that fits; link buttons go under the last message.
 */
final class ReplyRenderer {

    static final int MAX_TEXT = 2000;
    private static final TextRenderer MARKDOWN = TextRenderer.DISCORD_MARKDOWN;

    List<OutboundMessage> render(Reply reply) {
        List<OutboundMessage> out = new ArrayList<>();
        List<Reply.Part.LinkButton> buttons = new ArrayList<>();
        int charts = 0;
        for (Reply.Part part : reply.parts()) {
            if (part instanceof Reply.Part.Text text) {
                for (String chunk : MessageSplitter.split(text.markup(), MAX_TEXT, MARKDOWN)) {
                    out.add(OutboundMessage.text(chunk));
                }
            } else if (part instanceof Reply.Part.Image image) {
                String name = ++charts == 1 ? "chart.png" : "chart-" + charts + ".png";
                int last = out.size() - 1;
                if (last >= 0 && !out.get(last).hasFile()) {
                    OutboundMessage before = out.get(last);
                    out.set(last, new OutboundMessage(before.content(), image.png(), name, List.of()));
                } else {
                    out.add(new OutboundMessage(firstChunk(image.altText()), image.png(), name, List.of()));
                }
            } else if (part instanceof Reply.Part.LinkButton button) {
                buttons.add(button);
            }
        }
        if (!buttons.isEmpty()) {
            if (out.isEmpty()) {
                out.add(OutboundMessage.text(MARKDOWN.render(buttons.get(0).label())));
            }
            int last = out.size() - 1;
            out.set(last, out.get(last).withButtons(buttons));
        }
        return out;
    }

    private static String firstChunk(String markup) {
        List<String> pieces = MessageSplitter.split(markup, MAX_TEXT, MARKDOWN);
        return pieces.isEmpty() ? "" : pieces.get(0);
    }
}
