package ai.pace42.telegram;

/** Long coach-like text made of numbered paragraphs, so a split point can be recognised. */
final class ParagraphText {

    private ParagraphText() {
    }

    static String of(int length) {
        StringBuilder sb = new StringBuilder();
        int n = 1;
        while (sb.length() < length) {
            if (sb.length() > 0) {
                sb.append("\n\n");
            }
            sb.append("Paragraph ").append(n++).append(": ")
                    .append("steady easy running builds the aerobic base & keeps heart rate < threshold. ".repeat(4))
                    .append("End.");
        }
        return sb.toString();
    }
}
