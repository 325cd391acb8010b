package ai.pace42.slack;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/** One Web API call's worth of a reply. */
sealed interface Outbound permits Outbound.Blocks, Outbound.Chart {

    /**
     * A message of Block Kit blocks.
     *
     * @param fallback the notification text; escaped like the blocks
     */
    record Blocks(String fallback, List<LayoutBlock> blocks) implements Outbound {
        public Blocks {
            blocks = List.copyOf(blocks);
        }
    }

    /** A chart, uploaded with the v2 flow. */
    record Chart(byte[] png, String altText, String fileName) implements Outbound {
    }
}
