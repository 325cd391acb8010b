package ai.pace42.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.channel.Reply;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyRendererTest {

    private final ReplyRenderer renderer = new ReplyRenderer();
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

    @Test
    void userTextIsEscapedAndBoldBecomesHtml() {
        List<OutboundMessage> out = renderer.render(Reply.text("**Hi <b>&\"** 5 < 6 & 7 > 3"));

        assertThat(out).containsExactly(
                new OutboundMessage.Text("<b>Hi &lt;b&gt;&amp;\"</b> 5 &lt; 6 &amp; 7 &gt; 3", List.of()));
    }

    @Test
    void aTenThousandCharacterAnswerIsSplitOnParagraphsWithinTheLimit() {
        String answer = ParagraphText.of(10_000);

        List<OutboundMessage> out = renderer.render(Reply.text(answer));

        assertThat(out).hasSize(3);
        List<String> texts = out.stream().map(m -> ((OutboundMessage.Text) m).html()).toList();
        assertThat(texts).allSatisfy(t -> assertThat(t.length()).isLessThanOrEqualTo(4096));
        // Nothing lost or cut mid-escape: the parts rejoined are exactly the escaped answer.
        assertThat(String.join("\n\n", texts)).isEqualTo(ParagraphText.asHtml(answer));
        assertThat(texts).allSatisfy(t -> assertThat(t).startsWith("Paragraph ").endsWith("."));
    }

    @Test
    void shortTextBeforeAChartBecomesItsCaption() {
        List<OutboundMessage> out = renderer.render(Reply.of(new Reply.Part.Text("**Easy run**: 8 km"),
                new Reply.Part.Image(PNG, "Pace and heart rate")));

        assertThat(out).hasSize(1);
        OutboundMessage.Photo photo = (OutboundMessage.Photo) out.get(0);
        assertThat(photo.captionHtml()).isEqualTo("<b>Easy run</b>: 8 km");
        assertThat(photo.png()).isEqualTo(PNG);
    }

    @Test
    void textLongerThanACaptionIsItsOwnMessageAndTheChartIsCaptionedWithItsAltText() {
        String longText = "x".repeat(1025);

        List<OutboundMessage> out = renderer.render(Reply.of(new Reply.Part.Text(longText),
                new Reply.Part.Image(PNG, "Pace & heart rate")));

        assertThat(out).containsExactly(new OutboundMessage.Text(longText, List.of()),
                new OutboundMessage.Photo(PNG, "Pace &amp; heart rate", List.of()));
    }

    @Test
    void linkButtonsGoUnderTheLastMessage() {
        Reply.Part.LinkButton link = new Reply.Part.LinkButton("Link Garmin", "https://pace42.example/link/abc");

        List<OutboundMessage> out = renderer.render(Reply.text("One").with(new Reply.Part.Text("Two"), link));

        assertThat(out).containsExactly(new OutboundMessage.Text("One", List.of()),
                new OutboundMessage.Text("Two", List.of(link)));
    }

    @Test
    void aReplyOfOnlyAButtonUsesItsLabelAsText() {
        Reply.Part.LinkButton link = new Reply.Part.LinkButton("Open <pace42>", "https://pace42.example/");

        assertThat(renderer.render(Reply.of(link)))
                .containsExactly(new OutboundMessage.Text("Open &lt;pace42&gt;", List.of(link)));
    }
}
