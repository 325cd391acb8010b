package ai.pace42.telegram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The webhook's shared secret, compared in constant time so its length and prefix cannot be probed. */
final class WebhookSecret {

    private final byte[] expected;

    WebhookSecret(String secret) {
        this.expected = secret.getBytes(StandardCharsets.UTF_8);
    }

    boolean matches(String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8));
    }
}
