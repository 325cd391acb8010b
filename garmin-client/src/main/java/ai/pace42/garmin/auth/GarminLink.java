package ai.pace42.garmin.auth;

import java.util.Objects;

/** What is persisted per pace42 account: the verified Garmin identity and its current tokens. */
public record GarminLink(GarminIdentity identity, GarminTokens tokens) {

    public GarminLink {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(tokens, "tokens");
    }

    public GarminLink withTokens(GarminTokens t) {
        return new GarminLink(identity, t);
    }
}
