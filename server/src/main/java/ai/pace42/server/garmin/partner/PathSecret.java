package ai.pace42.server.garmin.partner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The unguessable part of the notification URLs ({@code /garmin/partner/<secret>/ping}). Garmin's Developer
 * Program signs nothing and its {@code garmin-client-id} header is public, so only someone who knows the URL
 * registered in Garmin's Endpoint Configuration Tool can deliver. Compared in constant time.
 */
public final class PathSecret {

    /** At least 32 URL-safe characters, e.g. {@code openssl rand -hex 32}. */
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{32,128}");

    private final byte[] secret;

    private PathSecret(String secret) {
        this.secret = secret.getBytes(StandardCharsets.US_ASCII);
    }

    /** Empty when the configured value is missing or too weak to protect the endpoints. */
    public static Optional<PathSecret> of(String configured) {
        return configured != null && SHAPE.matcher(configured.trim()).matches()
                ? Optional.of(new PathSecret(configured.trim())) : Optional.empty();
    }

    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "PathSecret[***]";
    }
}
