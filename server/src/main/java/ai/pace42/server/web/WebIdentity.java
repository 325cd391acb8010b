package ai.pace42.server.web;

import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.security.RandomTokens;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;
import java.util.Optional;

/**
 * The browser chat's identity: a random 256-bit value in an HttpOnly, SameSite=Strict cookie. The stored user id
 * is a hash of it, so the database never holds a value that could be replayed as the cookie.
 */
public final class WebIdentity {

    public static final String COOKIE = "pace42_web";

    private static final int ONE_YEAR_SECONDS = 365 * 24 * 3600;

    private final boolean secureCookies;

    public WebIdentity(boolean secureCookies) {
        this.secureCookies = secureCookies;
    }

    /** The identity behind a well-formed cookie; empty for a missing or malformed one. */
    public Optional<PlatformIdentity> identify(Cookie cookie) {
        if (cookie == null || !RandomTokens.wellFormed(cookie.getValue())) {
            return Optional.empty();
        }
        return Optional.of(identityOf(cookie.getValue()));
    }

    /** The identity a cookie secret stands for. */
    public static PlatformIdentity identityOf(String secret) {
        return PlatformIdentity.of(Platform.WEB, userIdOf(secret));
    }

    public String newSecret() {
        return RandomTokens.newToken();
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

    /** Tells the browser to drop its identity cookie (after /logout). */
    public NewCookie expired() {
        return new NewCookie.Builder(COOKIE)
                .value("")
                .path("/")
                .httpOnly(true)
                .secure(secureCookies)
                .sameSite(NewCookie.SameSite.STRICT)
                .maxAge(0)
                .build();
    }

    /** The first 128 bits of the cookie's SHA-256: enough to be unique, useless to replay. */
    public static String userIdOf(String secret) {
        return RandomTokens.sha256Hex(secret).substring(0, 32);
    }
}
