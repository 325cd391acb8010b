package ai.pace42.llm;

/**
 * Untrusted text (activity names, notes, anything echoed from the runner) before it reaches a prompt: control and
 * invisible characters (zero-width, bidi overrides) removed, line breaks kept, length capped
 * (llm-weather-billing §4, OWASP LLM01).
 */
final class Sanitise {

    private Sanitise() {
    }

    static String text(String s, int maxChars) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(s.length(), maxChars));
        s.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (cp == '\n') {
                sb.append('\n');
            } else if (type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                sb.append(' ');
            } else {
                sb.appendCodePoint(cp);
            }
        });
        String out = sb.toString();
        return out.length() <= maxChars ? out : out.substring(0, maxChars) + "…";
    }
}
