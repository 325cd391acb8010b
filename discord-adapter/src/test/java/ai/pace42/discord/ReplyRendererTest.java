package ai.pace42.discord;

import ai.pace42.bot.testing.TestCore;
import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.channel.Reply;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Replies into Discord messages: 2,000-character split, escaping, chart uploads, buttons. */
class ReplyRendererTest {

    private final ReplyRenderer renderer = new ReplyRenderer();

    @Test
    void aSixThousandCharacterAnswerIsSplitIntoMessagesOfAtMostTwoThousand() {
        List<OutboundMessage> out = renderer.render(Reply.text(Fixtures.LONG_ANSWER));
        assertThat(Fixtures.LONG_ANSWER.length()).isGreaterThanOrEqualTo(6_000);
        assertThat(out).hasSizeGreaterThanOrEqualTo(4);
        assertThat(out).allSatisfy(m -> assertThat(m.content().length()).isBetween(1, ReplyRenderer.MAX_TEXT));
        // Split at paragraph boundaries: every paragraph arrives whole, in order.
        String joined = String.join("\n\n", out.stream().map(OutboundMessage::content).toList());
        assertThat(joined.replace("\\", "")).isEqualTo(Fixtures.LONG_ANSWER.replace("\\", ""));
    }

    @Test
    void userAndDataStringsAreEscapedAndMassMentionsDefused() {
        String content = renderer.render(Reply.text("**Tip** for _dana_*: @everyone ~~x~~ `rm` [a](b) > q")).get(0)
                .content();
        assertThat(content).startsWith("**Tip**");
        assertThat(content).contains("\\_dana\\_\\*").contains("\\~\\~x\\~\\~").contains("\\`rm\\`")
                .contains("\\[a\\]\\(b\\)").contains("\\> q");
        assertThat(content).doesNotContain("@everyone").contains("@\u200Beveryone");
    }

    @Test
    void aChartIsUploadedWithTheTextBeforeIt() {
        Reply reply = Reply.of(new Reply.Part.Text("Last run"), new Reply.Part.Image(TestCore.PNG, "Pace chart"));
        List<OutboundMessage> out = renderer.render(reply);
        assertThat(out).hasSize(1);
        assertThat(out.get(0).content()).isEqualTo("Last run");
        assertThat(out.get(0).png()).isEqualTo(TestCore.PNG);
        assertThat(out.get(0).fileName()).isEqualTo("chart.png");
    }

    @Test
    void aChartAloneCarriesItsAltTextAndLaterChartsGetTheirOwnNames() {
        Reply reply = Reply.of(new Reply.Part.Image(TestCore.PNG, "Pace *chart*"),
                new Reply.Part.Image(TestCore.PNG, "Heart rate"));
        List<OutboundMessage> out = renderer.render(reply);
        assertThat(out).extracting(OutboundMessage::content).containsExactly("Pace \\*chart\\*", "Heart rate");
        assertThat(out).extracting(OutboundMessage::fileName).containsExactly("chart.png", "chart-2.png");
    }

    @Test
    void linkButtonsGoUnderTheLastMessage() {
        Reply reply = Reply.of(new Reply.Part.Text(TestCore.paragraphs(2_500)),
                new Reply.Part.LinkButton("Connect Garmin", "https://pace42.example/link/abc"));
        List<OutboundMessage> out = renderer.render(reply);
        assertThat(out).hasSize(2);
        assertThat(out.get(0).buttons()).isEmpty();
        assertThat(out.get(1).buttons()).extracting(Reply.Part.LinkButton::url)
                .containsExactly("https://pace42.example/link/abc");
    }
}
