package ai.pace42.bot.channel;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns pace42's small markup into one platform's markup. The markup has just two constructs, so every
 * user- or data-derived string can be escaped safely: {@code **bold**} within a line, and lines starting with
 * {@code "- "} as bullets. Everything else is literal text and is escaped for the target platform.
 */
public abstract class TextRenderer {

    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");

    /** Renders one chunk of markup. */
    public final String render(String markup) {
        StringBuilder out = new StringBuilder(markup.length() + 16);
        String[] lines = markup.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            String line = lines[i];
            if (line.startsWith("- ")) {
                out.append("• ");
                line = line.substring(2);
            }
            renderLine(line, out);
        }
        return out.toString();
    }

    private void renderLine(String line, StringBuilder out) {
        Matcher m = BOLD.matcher(line);
        int last = 0;
        while (m.find()) {
            out.append(escape(line.substring(last, m.start())));
            out.append(bold(escape(m.group(1))));
            last = m.end();
        }
        out.append(escape(line.substring(last)));
    }

    /** Escapes literal text so the platform shows it as written. */
    protected abstract String escape(String literal);

    /** Wraps already-escaped text in the platform's bold markup. */
    protected abstract String bold(String escaped);

    /** No markup at all: bold markers are dropped. For logs, alt texts and platforms without formatting. */
    public static final TextRenderer PLAIN = new TextRenderer() {
        @Override
        protected String escape(String literal) {
            return literal;
        }

        @Override
        protected String bold(String escaped) {
            return escaped;
        }
    };

    /** Escapes the three characters both Telegram HTML and Slack mrkdwn treat as markup. */
    private static String escapeAmpLtGt(String literal) {
        return literal.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Telegram's HTML parse mode: only {@code & < >} need escaping. */
    public static final TextRenderer TELEGRAM_HTML = new TextRenderer() {
        @Override
        protected String escape(String literal) {
            return escapeAmpLtGt(literal);
        }

        @Override
        protected String bold(String escaped) {
            return "<b>" + escaped + "</b>";
        }
    };

    /** Slack mrkdwn: {@code & < >} are control characters and must be entity-escaped. */
    public static final TextRenderer SLACK_MRKDWN = new TextRenderer() {
        @Override
        protected String escape(String literal) {
            return escapeAmpLtGt(literal);
        }

        @Override
        protected String bold(String escaped) {
            return "*" + escaped + "*";
        }
    };

    /** Discord markdown: markdown characters are backslash-escaped and mass mentions defused. */
    public static final TextRenderer DISCORD_MARKDOWN = new TextRenderer() {
        private final Pattern special = Pattern.compile("([\\\\*_~`|>#\\[\\]()-])");

        @Override
        protected String escape(String literal) {
            String escaped = special.matcher(literal).replaceAll("\\\\$1");
            // A zero-width space after '@' stops @everyone/@here from pinging even if allowed mentions change.
            return escaped.replace("@", "@\u200B");
        }

        @Override
        protected String bold(String escaped) {
            return "**" + escaped + "**";
        }
    };
}
