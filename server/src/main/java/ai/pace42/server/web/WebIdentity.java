package ai.pace42.server.web;

import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The browser chat's identity: a random 256-bit value in an HttpOnly, SameSite=Strict cookie. The stored user id
 * is a hash of it, so the database never holds a value that could be replayed as the cookie.
 */
public final class WebIdentity {

    public static final String COOKIE = "pace42_web";

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ONE_YEAR_SECONDS = 365 * 24 * 3600;

    private final boolean secureCookies;

    public WebIdentity(boolean secureCookies) {
        this.secureCookies = secureCookies;
    }

    /** The identity behind a well-formed cookie; empty for a missing or malformed one. */
    public Optional<PlatformIdentity> identify(Cookie cookie) {
        if (cookie == null || !SHAPE.matcher(cookie.getValue()).matches()) {
            return Optional.empty();
        }
        return Optional.of(PlatformIdentity.of(Platform.WEB, userIdOf(cookie.getValue())));
    }

    public String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public NewCookie cookie(String secret) {
        return new NewCookie.Builder(COOKIE)
                .value(secret)
                .path("/")
                .httpOnly(true)
                .secure(secureCookies)
                .sameSite(NewCookie.SameSite.STRICT)
                .maxAge(ONE_YEAR_SECONDS)
                .build();
    }

    public static String userIdOf(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
