package ai.pace42.server.link;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Jdbi;

/**
 * CSRF tokens for the link page's forms: an HMAC of the link's token hash under one key. A form is accepted only
 * with the token derived from the same link the browser's cookie holds. The key is shared through the database,
 * so a form one instance issued is accepted by any other; it protects nothing without the link cookie, whose
 * token the database holds only as a hash.
 */
public final class CsrfTokens {

    private static final String KIND = "csrf-key";

    private final SecretKeySpec key;

    /** A key for this process only (tests, single-instance tools). */
    public CsrfTokens() {
        this(randomKey());
    }

    private CsrfTokens(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    /** The key every instance on this database uses: created by the first one, read by the others. */
    public static CsrfTokens shared(Jdbi jdbi) {
        String candidate = Base64.getEncoder().encodeToString(randomKey());
        String stored = jdbi.inTransaction(h -> {
            h.createUpdate("INSERT INTO shared_web_state (kind, id, account_id, value, expires_at) "
                            + "VALUES (:k, 'v1', NULL, :v, :never) ON CONFLICT (kind, id) DO NOTHING")
                    .bind("k", KIND).bind("v", candidate).bind("never", Long.MAX_VALUE).execute();
            return h.createQuery("SELECT value FROM shared_web_state WHERE kind = :k AND id = 'v1'")
                    .bind("k", KIND).mapTo(String.class).one();
        });
        return new CsrfTokens(Base64.getDecoder().decode(stored));
    }

    private static byte[] randomKey() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return random;
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
