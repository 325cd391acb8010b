package ai.pace42.bot.channel;

/**
 * What a platform can show. The core adapts replies to these limits so an adapter stays a translator.
 *
 * @param maxText    the longest text message, in the platform's own counting
 * @param maxCaption the longest image caption (0 when images carry no caption)
 * @param files      the adapter sends {@link Reply.Part.File}s as files (otherwise the layout says where to get them)
 */
public record Capabilities(int maxText, int maxCaption, boolean images, boolean linkButtons, boolean ephemeral,
                           TextRenderer renderer, boolean files) {

    public Capabilities {
        if (maxText < 16) {
            throw new IllegalArgumentException("maxText too small: " + maxText);
        }
    }

    /** A platform that does not send files (yet). */
    public Capabilities(int maxText, int maxCaption, boolean images, boolean linkButtons, boolean ephemeral,
                        TextRenderer renderer) {
        this(maxText, maxCaption, images, linkButtons, ephemeral, renderer, false);
    }

    public Capabilities withFiles() {
        return new Capabilities(maxText, maxCaption, images, linkButtons, ephemeral, renderer, true);
    }
}
