package ai.pace42.slack;

import ai.pace42.bot.channel.MessageSplitter;
import ai.pace42.bot.channel.Reply;
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
 * Turns a {@link Reply} into Slack messages. Text is escaped as mrkdwn and split into sections of at most 3,000
 * characters; sections are grouped into messages of at most {@value #MAX_MESSAGE_CHARS} characters (Slack
 * rejects much longer block messages). Link buttons become button elements with a URL under the last message;
 * charts are separate uploads, in their place in the reply.
 */
final class BlockRenderer {

    static final int MAX_SECTION = 3000;
    static final int MAX_MESSAGE_CHARS = 12_000;
    static final int MAX_BLOCKS = 45;
    static final int MAX_BUTTON_LABEL = 75;
    static final int MAX_FALLBACK = 300;
    private static final TextRenderer MRKDWN = TextRenderer.SLACK_MRKDWN;

    List<Outbound> render(Reply reply) {
        List<Outbound> out = new ArrayList<>();
        List<LayoutBlock> current = new ArrayList<>();
        int currentChars = 0;
        String fallback = null;
        List<BlockElement> buttons = new ArrayList<>();
        for (Reply.Part part : reply.parts()) {
            if (part instanceof Reply.Part.Text text) {
                for (String chunk : MessageSplitter.split(text.markup(), MAX_SECTION, MRKDWN)) {
                    if (!current.isEmpty()
                            && (currentChars + chunk.length() > MAX_MESSAGE_CHARS || current.size() >= MAX_BLOCKS)) {
                        out.add(new Outbound.Blocks(fallback, current));
                        current = new ArrayList<>();
                        currentChars = 0;
                        fallback = null;
                    }
                    if (fallback == null) {
                        fallback = fallbackOf(text.markup());
                    }
                    current.add(section(chunk));
                    currentChars += chunk.length();
                }
            } else if (part instanceof Reply.Part.Image image) {
                if (!current.isEmpty()) {
                    out.add(new Outbound.Blocks(fallback, current));
                    current = new ArrayList<>();
                    currentChars = 0;
                    fallback = null;
                }
                out.add(new Outbound.Chart(image.png(), image.altText(), "chart-" + (out.size() + 1) + ".png"));
            } else if (part instanceof Reply.Part.LinkButton button) {
                buttons.add(ButtonElement.builder()
                        .text(PlainTextObject.builder().text(clip(button.label(), MAX_BUTTON_LABEL)).emoji(false).build())
                        .url(button.url())
                        .actionId("pace42-link-" + buttons.size())
                        .build());
            }
        }
        if (!buttons.isEmpty()) {
            if (current.isEmpty() && !out.isEmpty() && out.get(out.size() - 1) instanceof Outbound.Blocks last) {
                // Buttons belong under the text they follow.
                out.remove(out.size() - 1);
                current = new ArrayList<>(last.blocks());
                fallback = last.fallback();
            }
            if (fallback == null) {
                fallback = MRKDWN.render(clip(reply.plainText().isBlank() ? "Open link" : reply.plainText(), MAX_FALLBACK));
            }
            current.add(ActionsBlock.builder().elements(buttons).build());
        }
        if (!current.isEmpty()) {
            out.add(new Outbound.Blocks(fallback, current));
        }
        return out;
    }

    static SectionBlock section(String mrkdwn) {
        return SectionBlock.builder().text(MarkdownTextObject.builder().text(mrkdwn).build()).build();
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
