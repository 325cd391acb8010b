package ai.pace42.bot.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextRendererTest {

    private static final String MARKUP = "**Easy run** <script>&\n- 5 km @ 5:30 /km_fast";

    @Test
    void telegramHtmlEscapesEveryDataStringAndBoldsMarkup() {
        assertThat(TextRenderer.TELEGRAM_HTML.render(MARKUP))
                .isEqualTo("<b>Easy run</b> &lt;script&gt;&amp;\n• 5 km @ 5:30 /km_fast");
    }

    @Test
    void slackMrkdwnEscapesControlCharacters() {
        assertThat(TextRenderer.SLACK_MRKDWN.render(MARKUP))
                .isEqualTo("*Easy run* &lt;script&gt;&amp;\n• 5 km @ 5:30 /km_fast");
    }

    @Test
    void discordEscapesMarkdownAndDefusesMentions() {
        assertThat(TextRenderer.DISCORD_MARKDOWN.render("**Hi** @everyone *x* _y_"))
                .isEqualTo("**Hi** @\u200Beveryone \\*x\\* \\_y\\_");
    }

    @Test
    void boldInsideUserTextCannotInjectTags() {
        assertThat(TextRenderer.TELEGRAM_HTML.render("**<i>x</i>**")).isEqualTo("<b>&lt;i&gt;x&lt;/i&gt;</b>");
    }

    @Test
    void plainDropsMarkers() {
        assertThat(TextRenderer.PLAIN.render("**Bold** and - not a bullet\n- bullet"))
                .isEqualTo("Bold and - not a bullet\n• bullet");
    }
}
