package ai.pace42.server.link;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * CSRF tokens for the link page's forms: an HMAC of the link's token hash under a key that lives only in this
 * process. A form is accepted only with the token derived from the same link the browser's cookie holds.
 */
public final class CsrfTokens {

    private final SecretKeySpec key;

    public CsrfTokens() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.key = new SecretKeySpec(random, "HmacSHA256");
    }

    public String forLink(String linkTokenHash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(("csrf|" + linkTokenHash).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every JVM", e);
        }
    }

    /** Constant-time comparison, so the check leaks nothing through timing. */
    public boolean matches(String linkTokenHash, String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(forLink(linkTokenHash).getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }
}
