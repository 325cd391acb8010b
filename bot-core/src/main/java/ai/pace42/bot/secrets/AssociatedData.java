package ai.pace42.bot.secrets;

import java.nio.charset.StandardCharsets;

/**
 * The associated data that binds a ciphertext to its owner and purpose. Length-prefixed, so no choice of ids
 * can make two different (account, name) pairs produce the same bytes.
 */
final class AssociatedData {

    private static final String DOMAIN = "pace42-secret|v1";

    private AssociatedData() {
    }

    static byte[] of(String accountId, String name) {
        String canonical = DOMAIN + "|" + accountId.length() + ":" + accountId + "|" + name.length() + ":" + name;
        return canonical.getBytes(StandardCharsets.UTF_8);
    }
}
