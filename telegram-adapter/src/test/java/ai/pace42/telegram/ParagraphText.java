package ai.pace42.telegram;

/** Long coach-like text made of numbered paragraphs, so a split point can be recognised. */
final class ParagraphText {

    static final String SENTENCE = "steady easy running builds the aerobic base & keeps heart rate < threshold. ";
    /** {@link #SENTENCE} as Telegram HTML, written out rather than rendered. */
    static final String SENTENCE_HTML =
            "steady easy running builds the aerobic base &amp; keeps heart rate &lt; threshold. ";

    private ParagraphText() {
    }

    /** What Telegram must receive for a text made by {@link #of}: the same paragraphs, escaped. */
    static String asHtml(String paragraphs) {
        return paragraphs.replace(SENTENCE, SENTENCE_HTML);
    }

    static String of(int length) {
        StringBuilder sb = new StringBuilder();
        int n = 1;
        while (sb.length() < length) {
            if (sb.length() > 0) {
                sb.append("\n\n");
            }
            sb.append("Paragraph ").append(n++).append(": ")
                    .append(SENTENCE.repeat(4))
                    .append("End.");
        }
        return sb.toString();
    }
}
