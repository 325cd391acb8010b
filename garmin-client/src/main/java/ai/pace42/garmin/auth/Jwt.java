package ai.pace42.garmin.auth;

import ai.pace42.garmin.normalise.Json;
import ai.pace42.garmin.normalise.PayloadReader;
import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/** Reads claims from a JWT payload without verifying it: only to learn {@code exp}, never to trust identity. */
final class Jwt {

    private Jwt() {
    }

    static Optional<Instant> expiry(String token) {
        return payload(token).flatMap(p -> Json.whole(p, "exp").stream().boxed().findFirst())
                .filter(s -> s > 0).map(Instant::ofEpochSecond);
    }

    static Optional<String> claim(String token, String name) {
        return payload(token).flatMap(p -> Json.text(p, name));
    }

    private static Optional<JsonNode> payload(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            String json = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            var r = PayloadReader.read(json);
            return r.isOk() && r.value().isObject() ? Optional.of(r.value()) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
