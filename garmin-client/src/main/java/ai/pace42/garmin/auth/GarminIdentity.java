package ai.pace42.garmin.auth;

import java.util.Objects;

/**
 * Who the tokens belong to on Garmin's side, learnt from one profile call at link time; every activity's owner
 * is checked against {@code profileId}.
 *
 * @param displayName may be a UUID or empty on new accounts
 */
public record GarminIdentity(long profileId, String displayName, String fullName, String partnerUserId) {

    public GarminIdentity {
        displayName = displayName == null ? "" : displayName;
        fullName = fullName == null ? "" : fullName;
        partnerUserId = partnerUserId == null ? "" : partnerUserId;
    }

    public GarminIdentity(long profileId, String displayName, String fullName) {
        this(profileId, displayName, fullName, "");
    }

    /** An official (Developer Program) link: Garmin names the user by an opaque User ID, no profile id. */
    public static GarminIdentity partner(String userId) {
        return new GarminIdentity(0, "", "", userId);
    }

    /** "linked as …" text for the link page. */
    public String label() {
        if (!fullName.isBlank()) {
            return fullName;
        }
        if (!displayName.isBlank()) {
            return displayName;
        }
        return partnerUserId.isBlank() ? "Garmin user " + profileId : "Garmin user " + partnerUserId;
    }

    public static GarminIdentity of(long profileId, String displayName) {
        return new GarminIdentity(profileId, Objects.requireNonNullElse(displayName, ""), "");
    }
}
