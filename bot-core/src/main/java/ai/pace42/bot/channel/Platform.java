package ai.pace42.bot.channel;

import java.util.Locale;

/** The chat platforms pace42 talks on. {@link #WEB} is the embedded browser chat. */
public enum Platform {
    WEB("Browser chat"),
    TELEGRAM("Telegram"),
    DISCORD("Discord"),
    SLACK("Slack");

    private final String displayName;

    Platform(String displayName) {
        this.displayName = displayName;
    }

    /** The stable lower-case id used in storage, configuration and logs, e.g. {@code telegram}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String displayName() {
        return displayName;
    }

    /** Parses a platform id case-insensitively; throws {@link IllegalArgumentException} for unknown ids. */
    public static Platform fromId(String id) {
        for (Platform p : values()) {
            if (p.id().equalsIgnoreCase(id.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown platform: " + id);
    }
}
