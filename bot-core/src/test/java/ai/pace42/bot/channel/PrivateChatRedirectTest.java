package ai.pace42.bot.channel;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.testing.TestCommands;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The core decides which group commands go to the private chat; the platform only supplies its link. */
class PrivateChatRedirectTest {

    private final PrivateChatRedirect redirect = new PrivateChatRedirect(TestCommands.likeTheCore()::isPrivateOnly,
            payload -> "https://chat.example/private" + (payload.isEmpty() ? "" : "?start=" + payload));

    @Test
    void aPrivateOnlyCommandGetsTheTextAndAButtonIntoThePrivateChat() {
        Reply reply = redirect.forGroupMessage("/delete").orElseThrow();
        assertThat(reply.parts()).containsExactly(
                new Reply.Part.Text("Let's do that in a private chat, so your training data stays between us."),
                new Reply.Part.LinkButton("Open a private chat", "https://chat.example/private"));
    }

    @Test
    void linkOpensTheLinkFlowThroughTheDeepLink() {
        List<Reply.Part> parts = redirect.forGroupMessage("/link now").orElseThrow().parts();
        assertThat(parts.get(1)).isEqualTo(
                new Reply.Part.LinkButton("Open a private chat", "https://chat.example/private?start=link"));
    }

    @Test
    void publicCommandsAndQuestionsGoToTheCore() {
        assertThat(redirect.forGroupMessage("/help")).isEmpty();
        assertThat(redirect.forGroupMessage("How was my last run?")).isEmpty();
    }
}
