package ai.pace42.server.garmin;

import ai.pace42.garmin.auth.GarminIdentity;
import ai.pace42.garmin.auth.GarminLink;
import ai.pace42.garmin.auth.GarminTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;

/** The JSON form of a {@link GarminLink} as it is kept in the secret store (never anywhere else). */
final class GarminLinkCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GarminLinkCodec() {
    }

    /** Flat and explicit, so a stored value never depends on how the records happen to be shaped. */
    record Stored(int version, long profileId, String displayName, String fullName, String partnerUserId,
                  String kind, String accessToken, String refreshToken, Long accessExpiresAt,
                  Long refreshExpiresAt, String clientId) {
        @Override
        public String toString() {
            return "Stored[profileId=" + profileId + ", tokens=****]";
        }
    }

    static String encode(GarminLink link) {
        GarminIdentity id = link.identity();
        GarminTokens t = link.tokens();
        Stored stored = new Stored(1, id.profileId(), id.displayName(), id.fullName(), id.partnerUserId(),
                t.kind().name(), t.accessToken(), t.refreshToken(),
                t.accessExpiresAt().map(Instant::getEpochSecond).orElse(null),
                t.refreshExpiresAt().map(Instant::getEpochSecond).orElse(null), t.clientId());
        try {
            return JSON.writeValueAsString(stored);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode Garmin link", e);
        }
    }

    static GarminLink decode(String json) {
        try {
            Stored s = JSON.readValue(json, Stored.class);
            return new GarminLink(new GarminIdentity(s.profileId(), s.displayName(), s.fullName(), s.partnerUserId()),
                    new GarminTokens(GarminTokens.Kind.valueOf(s.kind()), s.accessToken(), s.refreshToken(),
                            Optional.ofNullable(s.accessExpiresAt()).map(Instant::ofEpochSecond),
                            Optional.ofNullable(s.refreshExpiresAt()).map(Instant::ofEpochSecond), s.clientId()));
        } catch (IOException e) {
            // Never echo the value: it holds tokens.
            throw new IllegalStateException("the stored Garmin link is not readable");
        }
    }
}
