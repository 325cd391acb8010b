package ai.pace42.bot.channel;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.testing.CollectingChannel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one layout every platform's replies go through, driven only by the platform's capabilities. */
class ReplyLayoutTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};
    private static final Reply.Part.Image CHART = new Reply.Part.Image(PNG, "Pace chart");
    private static final Reply.Part.LinkButton CONNECT = new Reply.Part.LinkButton("Connect", "https://x.example/l");

    private static CollectingChannel channel(int maxText, int maxCaption, boolean images, boolean buttons) {
        return new CollectingChannel(Platform.WEB,
                new Capabilities(maxText, maxCaption, images, buttons, false, TextRenderer.TELEGRAM_HTML));
    }

    @Test
    void shortTextBeforeAnImageBecomesItsCaption() {
        List<ReplyLayout.Message> out = channel(100, 50, true, true)
                .layout(Reply.of(new Reply.Part.Text("**Easy** run"), CHART));

        assertThat(out).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo("<b>Easy</b> run");
            assertThat(m.image()).isSameAs(CHART);
        });
    }

    @Test
    void textLongerThanACaptionGoesFirstAndTheImageIsCaptionedWithItsAltText() {
        String text = "word ".repeat(20).strip();
        List<ReplyLayout.Message> out = channel(200, 50, true, true).layout(Reply.of(new Reply.Part.Text(text), CHART));

        assertThat(out).extracting(ReplyLayout.Message::text).containsExactly(text, "Pace chart");
        assertThat(out.get(0).hasImage()).isFalse();
        assertThat(out.get(1).image()).isSameAs(CHART);
    }

    @Test
    void aPlatformWithoutCaptionsSendsTheImageBareAndWithoutImagesItsAltText() {
        assertThat(channel(100, 0, true, true).layout(Reply.of(new Reply.Part.Text("hi"), CHART)))
                .extracting(ReplyLayout.Message::text, ReplyLayout.Message::hasImage)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("hi", false),
                        org.assertj.core.groups.Tuple.tuple("", true));
        assertThat(channel(100, 0, false, true).layout(Reply.of(CHART)))
                .extracting(ReplyLayout.Message::text, ReplyLayout.Message::hasImage)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Pace chart", false));
    }

    @Test
    void textIsSplitAtTheLimitOnParagraphs() {
        String text = "a".repeat(30) + "\n\n" + "b".repeat(30);
        assertThat(channel(40, 0, true, true).layout(Reply.text(text))).extracting(ReplyLayout.Message::text)
                .containsExactly("a".repeat(30), "b".repeat(30));
    }

    @Test
    void buttonsGoUnderTheLastMessageOrBecomeLinesWhereThereAreNone() {
        List<ReplyLayout.Message> withButtons = channel(100, 0, true, true)
                .layout(Reply.of(new Reply.Part.Text("one"), new Reply.Part.Text("two"), CONNECT));
        assertThat(withButtons).extracting(m -> m.buttons().size()).containsExactly(0, 1);

        List<ReplyLayout.Message> without = channel(100, 0, true, false)
                .layout(Reply.of(new Reply.Part.Text("one"), CONNECT));
        assertThat(without).extracting(ReplyLayout.Message::text).containsExactly("one", "Connect: https://x.example/l");
        assertThat(without).allSatisfy(m -> assertThat(m.buttons()).isEmpty());
    }

    @Test
    void aReplyOfOnlyAButtonShowsItsLabel() {
        assertThat(channel(100, 0, true, true).layout(Reply.of(CONNECT))).singleElement()
                .satisfies(m -> {
                    assertThat(m.text()).isEqualTo("Connect");
                    assertThat(m.buttons()).containsExactly(CONNECT);
                });
    }

    private static final Reply.Part.File ICS = new Reply.Part.File("pace42-plan.ics", "text/calendar",
            "BEGIN:VCALENDAR".getBytes(java.nio.charset.StandardCharsets.UTF_8), "/api/v1/plans/current.ics");

    @Test
    void aFileIsAMessageOfItsOwnWhereThePlatformSendsFiles() {
        List<ReplyLayout.Message> out = new CollectingChannel(Platform.WEB,
                new Capabilities(100, 50, true, true, false, TextRenderer.TELEGRAM_HTML).withFiles())
                .layout(Reply.of(new Reply.Part.Text("Your calendar"), ICS));

        assertThat(out).hasSize(2);
        assertThat(out.get(0).text()).isEqualTo("Your calendar");
        assertThat(out.get(0).hasFile()).isFalse();
        assertThat(out.get(1).file()).isSameAs(ICS);
        assertThat(out.get(1).text()).isEmpty();
    }

    @Test
    void withoutFilesThePlatformSaysWhereToDownloadIt() {
        List<ReplyLayout.Message> out = channel(200, 50, true, true).layout(Reply.of(new Reply.Part.Text("Your calendar"), ICS));

        assertThat(out).extracting(ReplyLayout.Message::text).containsExactly("Your calendar",
                "Your file pace42-plan.ics can't be sent on this platform: open the browser chat and download it from "
                        + "/api/v1/plans/current.ics.");
        assertThat(out).noneMatch(ReplyLayout.Message::hasFile);
    }

    @Test
    void aFileIsBoundedAndNamedWithoutAPath() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Reply.Part.File("big.ics", "text/calendar",
                new byte[Reply.Part.File.MAX_BYTES + 1], "")).isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Reply.Part.File("../x.ics", "text/calendar",
                new byte[1], "")).isInstanceOf(IllegalArgumentException.class);
    }
}
