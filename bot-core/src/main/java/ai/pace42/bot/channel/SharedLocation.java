package ai.pace42.bot.channel;

import java.util.Optional;

/**
 * A location the user shared through the platform (a Telegram location or venue, the browser's geolocation), as
 * a fact: what the user does with it is the core's decision. Never logged.
 *
 * @param placeName what the platform calls the place (a venue's title, at most {@value #MAX_NAME_CHARS} characters
 *                  kept), or ""
 * @param live      the user shares a live location; the core reads it once and does not follow it
 */
public record SharedLocation(double latitude, double longitude, String placeName, boolean live) {

    /** A venue title is the sender's text: long enough for a park or a track, short enough for every reply. */
    public static final int MAX_NAME_CHARS = 80;

    public SharedLocation {
        if (!valid(latitude, longitude)) {
            throw new IllegalArgumentException("coordinates out of range");
        }
        placeName = placeName == null ? "" : placeName.strip();
        if (placeName.length() > MAX_NAME_CHARS) {
            placeName = placeName.substring(0, MAX_NAME_CHARS).strip() + "…";
        }
    }

    /** Finite, latitude within ±90°, longitude within ±180°. */
    public static boolean valid(double latitude, double longitude) {
        return Double.isFinite(latitude) && Double.isFinite(longitude) && Math.abs(latitude) <= 90
                && Math.abs(longitude) <= 180;
    }

    /** Empty when the platform sent coordinates out of range. */
    public static Optional<SharedLocation> of(double latitude, double longitude, String placeName, boolean live) {
        return valid(latitude, longitude) ? Optional.of(new SharedLocation(latitude, longitude, placeName, live))
                : Optional.empty();
    }
}
