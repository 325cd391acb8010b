package ai.pace42.bot.channel;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits markup into rendered messages that each fit a platform's limit. It prefers paragraph boundaries, then
 * line boundaries, then spaces, and cuts inside a word only when a single word is longer than the limit.
 * Splitting happens on the markup before rendering, so an escape sequence or a bold tag is never cut in half.
 */
public final class MessageSplitter {

    private MessageSplitter() {
    }

    public static List<String> split(String markup, int maxRendered, TextRenderer renderer) {
        if (maxRendered < 16) {
            throw new IllegalArgumentException("limit too small: " + maxRendered);
        }
        List<String> out = new ArrayList<>();
        pack(markup.strip(), maxRendered, renderer, Level.PARAGRAPH, out);
        return out;
    }

    private enum Level {
        PARAGRAPH("\n\n"), LINE("\n"), WORD(" "), CHAR("");

        final String separator;

        Level(String separator) {
            this.separator = separator;
        }

        Level finer() {
            return values()[ordinal() + 1];
        }
    }

    /** Greedily packs pieces of {@code text} split at {@code level} into chunks that render within the limit. */
    private static void pack(String text, int max, TextRenderer r, Level level, List<String> out) {
        if (text.isBlank()) {
            return;
        }
        if (r.render(text).length() <= max) {
            out.add(r.render(text));
            return;
        }
        if (level == Level.CHAR) {
            cutCharacters(text, max, r, out);
            return;
        }
        String current = "";
        for (String piece : text.split(java.util.regex.Pattern.quote(level.separator), -1)) {
            String candidate = current.isEmpty() ? piece : current + level.separator + piece;
            if (r.render(candidate).length() <= max) {
                current = candidate;
                continue;
            }
            if (!current.isBlank()) {
                out.add(r.render(current.strip()));
            }
            if (r.render(piece).length() <= max) {
                current = piece;
            } else {
                pack(piece.strip(), max, r, level.finer(), out);
                current = "";
            }
        }
        if (!current.isBlank()) {
            out.add(r.render(current.strip()));
        }
    }

    private static void cutCharacters(String word, int max, TextRenderer r, List<String> out) {
        int start = 0;
        while (start < word.length()) {
            // Grow one code point at a time so a surrogate pair is never split.
            int end = word.offsetByCodePoints(start, 1);
            while (end < word.length()) {
                int next = word.offsetByCodePoints(end, 1);
                if (r.render(word.substring(start, next)).length() > max) {
                    break;
                }
                end = next;
            }
            out.add(r.render(word.substring(start, end)));
            start = end;
        }
    }
}
