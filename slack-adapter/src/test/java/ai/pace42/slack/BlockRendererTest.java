package ai.pace42.slack;

import ai.pace42.bot.testing.TestCore;
import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.channel.Reply;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.element.ButtonElement;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockRendererTest {

    private final BlockRenderer renderer = new BlockRenderer();

    private static List<String> sections(Outbound out) {
        return ((Outbound.Blocks) out).blocks().stream().filter(b -> b instanceof SectionBlock)
                .map(b -> ((SectionBlock) b).getText().getText()).toList();
    }

    @Test
    void textIsEscapedAndBoldBecomesMrkdwnBold() {
        List<Outbound> out = renderer.render(Reply.text("**Pace** <@U1> & <b>"));

        assertThat(out).hasSize(1);
        assertThat(sections(out.get(0))).containsExactly("*Pace* &lt;@U1&gt; &amp; &lt;b&gt;");
        assertThat(((Outbound.Blocks) out.get(0)).fallback()).isEqualTo("Pace &lt;@U1&gt; &amp; &lt;b&gt;");
    }

    @Test
    void sectionsStayWithin3000CharactersAndMessagesWithinTheirLimit() {
        String text = TestCore.paragraphs(40_000);

        List<Outbound> out = renderer.render(Reply.text(text));

        assertThat(out).hasSizeGreaterThan(1).allSatisfy(o -> {
            List<String> s = sections(o);
            assertThat(s).allSatisfy(x -> assertThat(x.length()).isLessThanOrEqualTo(BlockRenderer.MAX_SECTION));
            assertThat(s.stream().mapToInt(String::length).sum()).isLessThanOrEqualTo(BlockRenderer.MAX_MESSAGE_CHARS);
            assertThat(((Outbound.Blocks) o).fallback()).hasSizeLessThanOrEqualTo(BlockRenderer.MAX_FALLBACK);
        });
        String joined = String.join(" ", out.stream().flatMap(o -> sections(o).stream()).toList());
        assertThat(joined.replaceAll("\\s+", " ")).isEqualTo(text.replaceAll("\\s+", " "));
    }

    @Test
    void chartsKeepTheirPlaceAndButtonsGoUnderTheLastText() {
        Reply reply = Reply.of(new Reply.Part.Text("Before"), new Reply.Part.Image(TestCore.PNG, "Pace chart"),
                new Reply.Part.Text("After"), new Reply.Part.LinkButton("Connect Garmin", "https://p.example/link/x"));

        List<Outbound> out = renderer.render(reply);

        assertThat(out).hasSize(3);
        assertThat(sections(out.get(0))).containsExactly("Before");
        assertThat(((Outbound.Chart) out.get(1)).altText()).isEqualTo("Pace chart");
        List<LayoutBlock> last = ((Outbound.Blocks) out.get(2)).blocks();
        assertThat(((SectionBlock) last.get(0)).getText().getText()).isEqualTo("After");
        ButtonElement button = (ButtonElement) ((ActionsBlock) last.get(1)).getElements().get(0);
        assertThat(button.getUrl()).isEqualTo("https://p.example/link/x");
        assertThat(button.getText().getText()).isEqualTo("Connect Garmin");
    }

    @Test
    void buttonsAfterAChartGoUnderTheTextBeforeIt() {
        Reply reply = Reply.of(new Reply.Part.Text("Text"), new Reply.Part.Image(TestCore.PNG, "c"),
                new Reply.Part.LinkButton("Open", "https://p.example"));

        List<Outbound> out = renderer.render(reply);

        assertThat(out).hasSize(3);
        assertThat(out.get(2)).isInstanceOf(Outbound.Blocks.class);
        assertThat(((Outbound.Blocks) out.get(2)).blocks()).singleElement().isInstanceOf(ActionsBlock.class);
    }
}
