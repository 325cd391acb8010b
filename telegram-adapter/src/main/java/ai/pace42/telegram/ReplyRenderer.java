package ai.pace42.telegram;

import ai.pace42.bot.channel.MessageSplitter;
import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.channel.TextRenderer;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link Reply} into Telegram messages. Text is escaped to HTML and split at 4,096 characters on
 * paragraph and line boundaries. A short text right before a chart becomes the chart's caption (one message);
 * longer text goes first as its own message(s) and the chart is captioned with its alt text. Link buttons become
 * an inline keyboard under the last message.
 */
final class ReplyRenderer {

    static final int MAX_TEXT = 4096;
    static final int MAX_CAPTION = 1024;
    private static final TextRenderer HTML = TextRenderer.TELEGRAM_HTML;

    List<OutboundMessage> render(Reply reply) {
        List<OutboundMessage> out = new ArrayList<>();
        List<Reply.Part.LinkButton> buttons = new ArrayList<>();
        List<Reply.Part> parts = reply.parts();
        String caption = null;
        for (int i = 0; i < parts.size(); i++) {
            Reply.Part part = parts.get(i);
            if (part instanceof Reply.Part.Text text) {
                boolean chartFollows = i + 1 < parts.size() && parts.get(i + 1) instanceof Reply.Part.Image;
                String whole = HTML.render(text.markup().strip());
                if (chartFollows && !whole.isEmpty() && whole.length() <= MAX_CAPTION) {
                    caption = whole;
                    continue;
                }
                for (String chunk : MessageSplitter.split(text.markup(), MAX_TEXT, HTML)) {
                    out.add(new OutboundMessage.Text(chunk, List.of()));
                }
            } else if (part instanceof Reply.Part.Image image) {
                out.add(new OutboundMessage.Photo(image.png(), caption != null ? caption : altCaption(image),
                        List.of()));
                caption = null;
            } else if (part instanceof Reply.Part.LinkButton button) {
                buttons.add(button);
            }
        }
        if (!buttons.isEmpty()) {
            if (out.isEmpty()) {
                out.add(new OutboundMessage.Text(HTML.render(buttons.get(0).label()), List.of()));
            }
            int last = out.size() - 1;
            out.set(last, out.get(last).withButtons(buttons));
        }
        return out;
    }

    private static String altCaption(Reply.Part.Image image) {
        List<String> pieces = MessageSplitter.split(image.altText(), MAX_CAPTION, HTML);
        return pieces.isEmpty() ? null : pieces.get(0);
    }
}
