package ai.pace42.bot.secrets;

import com.google.crypto.tink.Aead;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * How one secret value is stored: {@code ekv:v1:} and the base64 of its AES-GCM ciphertext, with the account id
 * and name as associated data, so a ciphertext copied to another account or name fails to decrypt.
 */
final class SecretCiphertext {

    private static final String PREFIX = "ekv:v1:";

    private SecretCiphertext() {
    }

    static String encrypt(Aead aead, String accountId, String name, String value) {
        try {
            byte[] ct = aead.encrypt(value.getBytes(StandardCharsets.UTF_8), AssociatedData.of(accountId, name));
            return PREFIX + Base64.getEncoder().encodeToString(ct);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    /** @throws SecretUnreadableException for another format, a damaged value or a key that does not open it */
    static String decrypt(Aead aead, String accountId, String name, String stored) {
        if (!stored.startsWith(PREFIX)) {
            throw new SecretUnreadableException();
        }
        try {
            byte[] ct = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            return new String(aead.decrypt(ct, AssociatedData.of(accountId, name)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SecretUnreadableException();
        }
    }
}
