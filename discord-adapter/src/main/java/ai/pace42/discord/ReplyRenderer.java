package ai.pace42.discord;

import ai.pace42.bot.channel.Capabilities;
import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.channel.ReplyLayout;
import ai.pace42.bot.channel.TextRenderer;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link Reply} into Discord messages: the core's {@link ReplyLayout} for Discord's capabilities (escaped
 * markdown, 2,000 characters, a chart as a PNG upload sharing its message with the text before it), files named
 * {@code chart.png}, {@code chart-2.png}, … in reply order; a file part is an upload under its own name.
 */
final class ReplyRenderer {

    static final int MAX_TEXT = 2000;
    static final Capabilities CAPABILITIES = new Capabilities(MAX_TEXT, MAX_TEXT, true, true, true,
            TextRenderer.DISCORD_MARKDOWN).withFiles();

    List<OutboundMessage> render(Reply reply) {
        List<OutboundMessage> out = new ArrayList<>();
        int charts = 0;
        for (ReplyLayout.Message m : ReplyLayout.of(reply, CAPABILITIES)) {
            if (m.hasFile()) {
                out.add(new OutboundMessage(m.text(), m.file().bytes(), m.file().name(), m.buttons(), m.file().mediaType()));
            } else if (m.hasImage()) {
                String name = ++charts == 1 ? "chart.png" : "chart-" + charts + ".png";
                out.add(new OutboundMessage(m.text(), m.image().png(), name, m.buttons()));
            } else {
                out.add(new OutboundMessage(m.text(), null, null, m.buttons()));
            }
        }
        return out;
    }
}
