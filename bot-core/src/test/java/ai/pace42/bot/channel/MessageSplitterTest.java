package ai.pace42.bot.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class MessageSplitterTest {

    @Test
    void shortTextIsOneMessage() {
        assertThat(MessageSplitter.split("Hello **runner**", 100, TextRenderer.TELEGRAM_HTML))
                .containsExactly("Hello <b>runner</b>");
    }

    @Test
    void splitsAtParagraphsBeforeLines() {
        String a = "a".repeat(30);
        String b = "b".repeat(30);
        String c = "c".repeat(30);
        List<String> chunks = MessageSplitter.split(a + "\n" + b + "\n\n" + c, 70, TextRenderer.PLAIN);

        assertThat(chunks).containsExactly(a + "\n" + b, c);
    }

    @Test
    void splitsLongParagraphAtLinesThenWords() {
        String line = "word ".repeat(10).strip(); // 49 chars
        List<String> chunks = MessageSplitter.split(line + "\n" + line + "\n" + line, 60, TextRenderer.PLAIN);

        assertThat(chunks).hasSize(3).allSatisfy(c -> assertThat(c).isEqualTo(line));
    }

    @Test
    void cutsAWordLongerThanTheLimit() {
        List<String> chunks = MessageSplitter.split("x".repeat(45), 20, TextRenderer.PLAIN);

        assertThat(chunks).containsExactly("x".repeat(20), "x".repeat(20), "x".repeat(5));
    }

    @Test
    void countsTheRenderedLengthSoEscapesNeverOverflow() {
        // Each '<' becomes '&lt;' (4 chars): 10 of them render to 40 characters.
        List<String> chunks = MessageSplitter.split("<".repeat(10), 20, TextRenderer.TELEGRAM_HTML);

        assertThat(chunks).containsExactly("&lt;".repeat(5), "&lt;".repeat(5));
    }

    @Test
    void neverSplitsASurrogatePair() {
        String runners = "\uD83C\uDFC3".repeat(30); // 30 runner emoji, 60 chars
        List<String> chunks = MessageSplitter.split(runners, 17, TextRenderer.PLAIN);

        assertThat(String.join("", chunks)).isEqualTo(runners);
        assertThat(chunks).allSatisfy(c -> assertThat(Character.isLowSurrogate(c.charAt(0))).isFalse());
    }

    @Test
    void telegramLimitOf4096IsRespected() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            text.append("- Split ").append(i).append(": 5:12 /km at **152 bpm** & <steady>\n");
        }
        List<String> chunks = MessageSplitter.split(text.toString(), 4096, TextRenderer.TELEGRAM_HTML);

        assertThat(chunks.size()).isGreaterThan(1);
        assertThat(chunks).allSatisfy(c -> assertThat(c.length()).isLessThanOrEqualTo(4096));
        assertThat(chunks).allSatisfy(c -> assertThat(c).doesNotContain("<steady>"));
    }

    @Property(tries = 300)
    void everyChunkFitsAndNoVisibleCharacterIsLost(
            @ForAll @StringLength(max = 400) String text, @ForAll @IntRange(min = 16, max = 120) int limit) {
        List<String> chunks = MessageSplitter.split(text, limit, TextRenderer.PLAIN);

        assertThat(chunks).allSatisfy(c -> assertThat(c.length()).isLessThanOrEqualTo(limit));
        assertThat(chunks).allSatisfy(c -> assertThat(c).isNotBlank());
        assertThat(visible(String.join("", chunks))).isEqualTo(visible(text));
    }

    /** What a reader sees, ignoring layout: whitespace, bold markers and bullet glyphs may legitimately move. */
    private static String visible(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints()
                .filter(cp -> !Character.isWhitespace(cp) && cp != '*')
                .map(cp -> cp == '\u2022' ? '-' : cp)
                .forEach(sb::appendCodePoint);
        return sb.toString();
    }
}
