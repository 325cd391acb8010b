package ai.pace42.slack;

import ai.pace42.bot.channel.AccountView;
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
 * The App Home tab, laid out from the core's read-only {@link AccountView}: status, a button to ask for a Garmin
 * link, and the last run. Opening Home issues nothing; only a click on the button sends {@code /link} (in the
 * runner's DM with the app, whose channel id the button carries).
 */
final class HomeTab {

    /** The action id of the "Connect Garmin" button; its click is a /link from the runner. */
    static final String LINK_ACTION = "pace42-home-link";
    /** A Home view holds at most 100 blocks; two answers of a few sections each stay far below. */
    private static final int MAX_SECTIONS_PER_ANSWER = 8;

    private HomeTab() {
    }

    /** @param dmChannelId the runner's DM with the app, where the link is answered privately */
    static View view(AccountView account, String dmChannelId) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header("Your pace42"));
        addText(blocks, account.status());
        if (account.known() && dmChannelId != null) {
            BlockElement button = ButtonElement.builder()
                    .text(PlainTextObject.builder().text("Connect Garmin").build())
                    .actionId(LINK_ACTION)
                    .value(dmChannelId)
                    .build();
            blocks.add(ActionsBlock.builder().elements(List.of(button)).build());
        }
        if (account.lastRun().isPresent()) {
            blocks.add(DividerBlock.builder().build());
            blocks.add(header("Your last run"));
            addText(blocks, account.lastRun().get());
        }
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
