package ai.pace42.server.logging;

import java.util.List;
import net.logstash.logback.mask.MaskingJsonGeneratorDecorator;

/**
 * Masks values shaped like credentials in every JSON log field. pace42 never logs secrets on purpose; this is
 * the second line of defence for the day some code, or a library, does by mistake.
 */
public class SecretMaskingDecorator extends MaskingJsonGeneratorDecorator {

    public static final String MASK = "****";

    /** Credential shapes of the services pace42 talks to, plus any long random-looking string. */
    public static final List<String> PATTERNS = List.of(
            "[0-9]{8,10}:[A-Za-z0-9_-]{30,}",                              // Telegram bot token
            "[A-Za-z0-9_-]{23,28}\\.[A-Za-z0-9_-]{6,7}\\.[A-Za-z0-9_-]{27,}", // Discord bot token
            "xox[abposr]-[A-Za-z0-9-]{10,}",                                // Slack bot/user tokens
            "xapp-[A-Za-z0-9-]{10,}",                                       // Slack app-level token
            "sk-[A-Za-z0-9_-]{20,}",                                        // OpenAI-style API keys
            "hv[sbr]\\.[A-Za-z0-9_-]{20,}",                                 // Vault tokens
            "eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*",    // JWTs (Garmin OAuth2 tokens)
            "(?i)(bearer|token|password|secret)([=: ]+)[^\\s,;\"&]+",      // key=value credentials
            "(?<=[?&](?:code|state)=)[^\\s&\"]+",                          // OAuth codes in URLs (thread names)
            "[A-Za-z0-9_-]{40,}");                                          // long random secrets, link tokens

    public SecretMaskingDecorator() {
        ValueMask mask = new ValueMask();
        PATTERNS.forEach(mask::addValue);
        mask.setMask(MASK);
        addValueMask(mask);
    }
}
