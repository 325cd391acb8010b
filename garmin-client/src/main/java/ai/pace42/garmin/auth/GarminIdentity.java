package ai.pace42.garmin.auth;

import java.util.Objects;

/**
 * Who the tokens belong to on Garmin's side, learnt from one profile call at link time; every activity's owner
 * is checked against {@code profileId}.
 *
 * @param displayName may be a UUID or empty on new accounts
 */
public record GarminIdentity(long profileId, String displayName, String fullName) {

    public GarminIdentity {
        displayName = displayName == null ? "" : displayName;
        fullName = fullName == null ? "" : fullName;
    }

    /** "linked as …" text for the link page. */
    public String label() {
        return !fullName.isBlank() ? fullName : !displayName.isBlank() ? displayName : "Garmin user " + profileId;
    }

    public static GarminIdentity of(long profileId, String displayName) {
        return new GarminIdentity(profileId, Objects.requireNonNullElse(displayName, ""), "");
    }
}
