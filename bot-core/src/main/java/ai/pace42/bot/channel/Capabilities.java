package ai.pace42.bot.channel;

/**
 * What a platform can show. The core adapts replies to these limits so an adapter stays a translator.
 *
 * @param maxText    the longest text message, in the platform's own counting
 * @param maxCaption the longest image caption (0 when images carry no caption)
 */
public record Capabilities(int maxText, int maxCaption, boolean images, boolean linkButtons, boolean ephemeral,
                           TextRenderer renderer) {

    public Capabilities {
        if (maxText < 16) {
            throw new IllegalArgumentException("maxText too small: " + maxText);
        }
    }
}
