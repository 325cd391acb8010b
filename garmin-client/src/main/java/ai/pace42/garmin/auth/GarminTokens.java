package ai.pace42.garmin.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One account's OAuth2 tokens. {@link #toString()} never prints a token, so a log line or exception message that
 * includes this record leaks nothing.
 *
 * @param kind     which flow issued them, which decides how they are refreshed
 * @param clientId the OAuth client the refresh must use (DI tokens carry it in the JWT)
 */
public record GarminTokens(Kind kind, String accessToken, String refreshToken, Optional<Instant> accessExpiresAt,
                           Optional<Instant> refreshExpiresAt, String clientId) {

    public enum Kind { DI, PARTNER }

    public GarminTokens {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(accessToken, "accessToken");
        refreshToken = refreshToken == null ? "" : refreshToken;
        accessExpiresAt = accessExpiresAt == null ? Optional.empty() : accessExpiresAt;
        refreshExpiresAt = refreshExpiresAt == null ? Optional.empty() : refreshExpiresAt;
        clientId = clientId == null ? "" : clientId;
    }

    public boolean canRefresh() {
        return !refreshToken.isEmpty();
    }

    /** True when the access token expires within {@code skewSeconds} of {@code now} (unknown expiry: false). */
    public boolean expiresWithin(Instant now, long skewSeconds) {
        return accessExpiresAt.map(t -> !now.plusSeconds(skewSeconds).isBefore(t)).orElse(false);
    }

    @Override
    public String toString() {
        return "GarminTokens[kind=" + kind + ", clientId=" + clientId + ", accessExpiresAt="
                + accessExpiresAt.map(Instant::toString).orElse("?") + ", access=***, refresh=***]";
    }
}
