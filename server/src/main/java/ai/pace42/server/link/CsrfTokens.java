package ai.pace42.server.link;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import ai.pace42.bot.secrets.SecretStore;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * CSRF tokens for the link page's forms: an HMAC of the link's token hash under one key. A form is accepted only
 * with the token derived from the same link the browser's cookie holds. Every instance on one database uses the
 * same key, so a form one instance issued is accepted by any other.
 *
 * <p>The key lives in the {@link SecretStore} (Tink-sealed locally, or Vault), never in clear in the database: the
 * database row only names which stored candidate won. Instances starting together each store a candidate under a
 * name of its own, then one insert-if-absent picks the winner, so no instance ever holds a key the others lack.
 * Rotating the secret store's key re-encrypts the CSRF key with the others; its value does not change.
 */
public final class CsrfTokens {

    private static final String KIND = "csrf-key";
    /** The row naming the stored key ("v1" rows held the key itself in clear; V24 deletes them). */
    private static final String REFERENCE = "v2";
    /** The reserved account the key is stored under: it belongs to the installation, not to a runner. */
    static final String OWNER = "sys_link_page";
    static final String SECRET_PREFIX = "csrf-key.";

    private final Supplier<byte[]> source;
    private volatile SecretKeySpec key;

    /** A key for this process only (tests, single-instance tools). */
    public CsrfTokens() {
        this(CsrfTokens::randomKey);
    }

    private CsrfTokens(Supplier<byte[]> source) {
        this.source = source;
    }

    /** Loaded on first use, so a sealed secret store at start-up fails a form, not the server's start. */
    private SecretKeySpec key() {
        SecretKeySpec k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = new SecretKeySpec(source.get(), "HmacSHA256");
                }
                k = key;
            }
        }
        return k;
    }

    /** The key every instance on this database uses: created by the first one, read by the others. */
    public static CsrfTokens shared(Jdbi jdbi, SecretStore secrets, Clock clock) {
        return new CsrfTokens(() -> sharedKey(jdbi, secrets, clock));
    }

    private static byte[] sharedKey(Jdbi jdbi, SecretStore secrets, Clock clock) {
        Optional<String> winner = reference(jdbi);
        if (winner.isEmpty()) {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO accounts (id, created_at, display_name) "
                            + "VALUES (:id, :at, 'Link page') ON CONFLICT (id) DO NOTHING")
                    .bind("id", OWNER).bind("at", clock.millis()).execute());
            String candidate = UUID.randomUUID().toString();
            // The secret first: the row that names it is never visible without it.
            secrets.put(OWNER, SECRET_PREFIX + candidate, Base64.getEncoder().encodeToString(randomKey()));
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO shared_web_state (kind, id, account_id, value, "
                            + "expires_at) VALUES (:k, :id, NULL, :v, :never) ON CONFLICT (kind, id) DO NOTHING")
                    .bind("k", KIND).bind("id", REFERENCE).bind("v", candidate).bind("never", Long.MAX_VALUE)
                    .execute());
            winner = reference(jdbi);
            if (!winner.orElseThrow().equals(candidate)) {
                secrets.delete(OWNER, SECRET_PREFIX + candidate); // another instance won; its key is the one
            }
        }
        String name = SECRET_PREFIX + winner.orElseThrow();
        String key = secrets.get(OWNER, name).orElseThrow(() -> new IllegalStateException(
                "the link page's CSRF key named in the database is missing from the secret store"));
        return Base64.getDecoder().decode(key);
    }

    private static Optional<String> reference(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT value FROM shared_web_state WHERE kind = :k AND id = :id")
                .bind("k", KIND).bind("id", REFERENCE).mapTo(String.class).findOne());
    }

    private static byte[] randomKey() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return random;
    }

    public String forLink(String linkTokenHash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
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
