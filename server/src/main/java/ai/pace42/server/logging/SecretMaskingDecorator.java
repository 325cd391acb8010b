package ai.pace42.server.logging;

import java.util.List;
import java.util.regex.Pattern;
import net.logstash.logback.mask.MaskingJsonGeneratorDecorator;

/**
 * Masks values shaped like credentials in every JSON log field (and, through {@link #mask}, in console lines).
 * pace42 never logs secrets on purpose; this is the second line of defence for the day some code, or a library,
 * does by mistake. Only values are masked: a name such as {@code TELEGRAM_BOT_TOKEN} stays readable.
 */
public class SecretMaskingDecorator extends MaskingJsonGeneratorDecorator {

    public static final String MASK = "****";

    /** Credential shapes of the services pace42 talks to, plus any long random-looking string. */
    public static final List<String> PATTERNS = List.of(
            "[0-9]{8,10}:[A-Za-z0-9_-]{30,}",                              // Telegram bot token
            "[A-Za-z0-9_-]{23,28}\\.[A-Za-z0-9_-]{6,7}\\.[A-Za-z0-9_-]{27,}", // Discord bot token
            "xox[abposr]-[A-Za-z0-9-]{10,}",                                // Slack bot/user tokens
            "xapp-[A-Za-z0-9-]{10,}",                                       // Slack app-level token
            "\\bsk-[A-Za-z0-9_-]{20,}",                                     // OpenAI-style API keys
            "\\bhv[sbr]\\.[A-Za-z0-9_-]{20,}",                              // Vault tokens
            "eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*",    // JWTs (Garmin OAuth2 tokens)
            // The value after "token=", "password: ", "secret\":\"" (the name before it stays)…
            "(?i)(?<=(?:token|password|secret)[\"']?\\s{0,2}[=:]\\s{0,2}[\"']?)[^\\s,;\"'&]+",
            "(?i)(?<=\\bbearer )[^\\s,;\"&]+",                              // …and after "Bearer "
            "(?<=[?&](?:code|state)=)[^\\s&\"]+",                          // OAuth codes in URLs (thread names)
            "[A-Za-z0-9_-]{40,}");                                          // long random secrets, link tokens

    private static final List<Pattern> COMPILED = PATTERNS.stream().map(Pattern::compile).toList();

    public SecretMaskingDecorator() {
        ValueMask mask = new ValueMask();
        PATTERNS.forEach(mask::addValue);
        mask.setMask(MASK);
        addValueMask(mask);
    }

    /** {@code text} with every credential-shaped value replaced, as the JSON fields are. */
    public static String mask(String text) {
        String masked = text;
        for (Pattern pattern : COMPILED) {
            masked = pattern.matcher(masked).replaceAll(MASK);
        }
        return masked;
    }
}
