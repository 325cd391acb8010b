package ai.pace42.slack;

import ai.pace42.bot.channel.MessageSplitter;
import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.channel.TextRenderer;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.view.View;
import java.util.ArrayList;
import java.util.List;

/**
 * The App Home tab, assembled from what the core says to three requests of the runner: {@code /status},
 * {@code /link} (its button) and their last run. The adapter only lays the answers out; it decides nothing.
 */
final class HomeTab {

    static final String LAST_RUN_QUESTION = "How was my last run?";
    /** A Home view holds at most 100 blocks; two answers of a few sections each stay far below. */
    private static final int MAX_SECTIONS_PER_ANSWER = 8;

    private HomeTab() {
    }

    static View view(Reply status, Reply link, Reply lastRun) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header("Your pace42"));
        addText(blocks, status);
        List<BlockElement> buttons = new ArrayList<>();
        for (Reply.Part part : link.parts()) {
            if (part instanceof Reply.Part.LinkButton button) {
                buttons.add(ButtonElement.builder()
                        .text(PlainTextObject.builder().text(button.label()).build())
                        .url(button.url())
                        .actionId("pace42-link-home")
                        .style("primary")
                        .build());
            }
        }
        if (!buttons.isEmpty()) {
            blocks.add(ActionsBlock.builder().elements(buttons).build());
        }
        blocks.add(DividerBlock.builder().build());
        blocks.add(header("Your last run"));
        addText(blocks, lastRun);
        return View.builder().type("home").blocks(blocks).build();
    }

    private static void addText(List<LayoutBlock> blocks, Reply reply) {
        String text = reply.plainText();
        if (text.isBlank()) {
            return;
        }
        List<String> sections = MessageSplitter.split(text, BlockRenderer.MAX_SECTION, TextRenderer.SLACK_MRKDWN);
        for (String section : sections.subList(0, Math.min(sections.size(), MAX_SECTIONS_PER_ANSWER))) {
            blocks.add(BlockRenderer.section(section));
        }
    }

    private static HeaderBlock header(String text) {
        return HeaderBlock.builder().text(PlainTextObject.builder().text(text).build()).build();
    }
}
