package ai.pace42.slack;

import ai.pace42.bot.channel.Capabilities;
import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.channel.ReplyLayout;
import ai.pace42.bot.channel.TextRenderer;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link Reply} into Slack messages from the core's {@link ReplyLayout} for Slack's capabilities (mrkdwn
 * sections of at most 3,000 characters, images without captions): consecutive sections are grouped into messages of
 * at most {@value #MAX_MESSAGE_CHARS} characters (Slack rejects much longer block messages), charts are separate
 * uploads in their place, link buttons become URL buttons under the last message.
 */
final class BlockRenderer {

    static final int MAX_SECTION = 3000;
    static final int MAX_MESSAGE_CHARS = 12_000;
    static final int MAX_BLOCKS = 45;
    static final int MAX_BUTTON_LABEL = 75;
    static final int MAX_FALLBACK = 300;
    private static final TextRenderer MRKDWN = TextRenderer.SLACK_MRKDWN;
    static final Capabilities CAPABILITIES = new Capabilities(MAX_SECTION, 0, true, true, true, MRKDWN).withFiles();

    List<Outbound> render(Reply reply) {
        List<Outbound> out = new ArrayList<>();
        List<LayoutBlock> current = new ArrayList<>();
        int currentChars = 0;
        String fallback = null;
        for (ReplyLayout.Message m : ReplyLayout.of(reply, CAPABILITIES)) {
            boolean full = currentChars + m.text().length() > MAX_MESSAGE_CHARS || current.size() >= MAX_BLOCKS;
            if (!current.isEmpty() && (m.hasImage() || m.hasFile() || full)) {
                out.add(new Outbound.Blocks(fallback, current));
                current = new ArrayList<>();
                currentChars = 0;
                fallback = null;
            }
            if (m.hasFile()) {
                // Uploaded by the same v2 flow as charts (getUploadURLExternal, then completeUploadExternal).
                out.add(new Outbound.Chart(m.file().bytes(), m.file().name(), m.file().name()));
            } else if (m.hasImage()) {
                out.add(new Outbound.Chart(m.image().png(), m.image().altText(), "chart-" + (out.size() + 1) + ".png"));
            } else if (!m.text().isEmpty()) {
                if (fallback == null) {
                    fallback = fallbackOf(m.source());
                }
                current.add(section(m.text()));
                currentChars += m.text().length();
            }
            if (!m.buttons().isEmpty()) {
                if (fallback == null) {
                    fallback = MRKDWN.render(clip(reply.plainText().isBlank() ? "Open link" : reply.plainText(),
                            MAX_FALLBACK));
                }
                current.add(actions(m.buttons()));
            }
        }
        if (!current.isEmpty()) {
            out.add(new Outbound.Blocks(fallback, current));
        }
        return out;
    }

    static SectionBlock section(String mrkdwn) {
        return SectionBlock.builder().text(MarkdownTextObject.builder().text(mrkdwn).build()).build();
    }

    private static ActionsBlock actions(List<Reply.Part.LinkButton> buttons) {
        List<BlockElement> elements = new ArrayList<>();
        for (Reply.Part.LinkButton button : buttons) {
            elements.add(ButtonElement.builder()
                    .text(PlainTextObject.builder().text(clip(button.label(), MAX_BUTTON_LABEL)).emoji(false).build())
                    .url(button.url())
                    .actionId("pace42-link-" + elements.size())
                    .build());
        }
        return ActionsBlock.builder().elements(elements).build();
    }

    /** The notification text: the start of the message, escaped like the blocks. */
    private static String fallbackOf(String markup) {
        return MRKDWN.render(clip(markup.strip().replace("**", ""), MAX_FALLBACK));
    }

    private static String clip(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + "…";
    }
}
