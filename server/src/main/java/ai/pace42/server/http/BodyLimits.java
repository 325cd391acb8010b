package ai.pace42.server.http;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How many bytes a request body may have, by path. Browser chat and link forms are small; webhooks get room
 * for the largest payload their platform sends. The first matching rule wins; anything else gets the default.
 */
public final class BodyLimits {

    public static final long KIB = 1024;
    public static final long MIB = 1024 * KIB;
    /** Chat messages (4,000 characters) and link-page forms (a pasted token file) fit with room to spare. */
    public static final long DEFAULT_BYTES = 64 * KIB;

    private record Rule(Pattern path, long maxBytes) {
    }

    private final List<Rule> rules;
    private final long defaultBytes;

    private BodyLimits(List<Rule> rules, long defaultBytes) {
        this.rules = rules;
        this.defaultBytes = defaultBytes;
    }

    /**
     * pace42's endpoints. Telegram, Slack and Discord publish no byte limit for what they deliver; their payloads
     * are JSON or form text around messages of at most 4,096 / 40,000 / 2,000 characters, so 1 MiB (Discord's
     * interactions: the adapter's 256 KiB) is far above anything genuine. Garmin pings list URLs (1 MiB); pushes
     * carry activity details with samples (16 MiB, as the partner endpoint always allowed).
     */
    public static BodyLimits standard() {
        return new BodyLimits(List.of(
                // An activity file from the browser chat: the core reads files up to this size on every platform.
                new Rule(Pattern.compile("/api/v1/chat/files"), ai.pace42.bot.channel.ChannelTexts.MAX_FILE_BYTES),
                new Rule(Pattern.compile("/telegram/webhook"), MIB),
                new Rule(Pattern.compile("/slack/.*"), MIB),
                new Rule(Pattern.compile("/discord/interactions"), 256 * KIB),
                new Rule(Pattern.compile("/garmin/partner/[^/]+/ping"), MIB),
                new Rule(Pattern.compile("/garmin/partner/[^/]+/push"), 16 * MIB)), DEFAULT_BYTES);
    }

    public long limitFor(String path) {
        String p = path == null ? "" : path;
        return rules.stream().filter(r -> r.path().matcher(p).matches()).mapToLong(Rule::maxBytes).findFirst()
                .orElse(defaultBytes);
    }
}
