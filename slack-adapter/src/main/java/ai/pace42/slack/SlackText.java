package ai.pace42.slack;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slack's message format to the plain text the user typed. Slack sends {@code & < >} as entities and wraps
 * mentions, channels and links in angle brackets; the core must see what the user wrote, because the reply is
 * escaped again on the way out (so a literal {@code <@U123>} the user typed never becomes a mention).
 */
final class SlackText {

    private static final Pattern SPECIAL = Pattern.compile("<([^<>]*)>");

    private SlackText() {
    }

    /** Decodes {@code text}, dropping mentions of {@code botUserId} (may be null). */
    static String toPlain(String text, String botUserId) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        Matcher m = SPECIAL.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(special(m.group(1), botUserId)));
        }
        m.appendTail(out);
        return decodeEntities(out.toString()).replaceAll("[ \\t]{2,}", " ").strip();
    }

    /** One {@code <…>} element: {@code @U1|name}, {@code #C1|general}, {@code !here}, {@code url|label}. */
    private static String special(String inner, String botUserId) {
        int bar = inner.indexOf('|');
        String target = bar < 0 ? inner : inner.substring(0, bar);
        String label = bar < 0 ? null : inner.substring(bar + 1);
        if (label != null && (label.startsWith("@") || label.startsWith("#"))) {
            return label;
        }
        if (target.startsWith("@")) {
            if (botUserId != null && target.substring(1).equals(botUserId)) {
                return "";
            }
            return "@" + (label != null ? label : target.substring(1));
        }
        if (target.startsWith("#")) {
            return "#" + (label != null ? label : target.substring(1));
        }
        if (target.startsWith("!")) {
            String name = target.substring(1);
            int caret = name.indexOf('^');
            return "@" + (label != null ? label : caret < 0 ? name : name.substring(0, caret));
        }
        return label != null ? label : target;
    }

    private static String decodeEntities(String s) {
        // &amp; last, so "&amp;lt;" (a user typing "&lt;") stays "&lt;".
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
