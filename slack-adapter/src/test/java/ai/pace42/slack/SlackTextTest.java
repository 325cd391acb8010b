package ai.pace42.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlackTextTest {

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
            "<@UBOT> how far? => how far?",
            "hey <@UBOT>   what now => hey what now",
            "ask <@U0OTHER> too => ask @U0OTHER too",
            "ask <@U0OTHER|maria> too => ask @maria too",
            "in <#C0GEN|general> => in #general",
            "<!here> run => @here run",
            "<!subteam^S123|@runners> go => @runners go",
            "see <https://example.com/a?b=1&amp;c=2|the plan> => see the plan",
            "see <https://example.com> => see https://example.com",
            "5 &lt; 6 &amp;&amp; 7 &gt; 2 => 5 < 6 && 7 > 2",
            "&lt;@U0VICTIM&gt; => <@U0VICTIM>",
            "&amp;lt; => &lt;"})
    void decodesSlackFormatToWhatTheUserTyped(String slack, String plain) {
        assertThat(SlackText.toPlain(slack, "UBOT")).isEqualTo(plain);
    }

    @org.junit.jupiter.api.Test
    void emptyAndNullAreEmpty() {
        assertThat(SlackText.toPlain(null, "UBOT")).isEmpty();
        assertThat(SlackText.toPlain("<@UBOT>", "UBOT")).isEmpty();
    }
}
