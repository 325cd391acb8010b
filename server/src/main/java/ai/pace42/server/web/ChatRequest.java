package ai.pace42.server.web;

/**
 * The body of {@code POST /api/v1/chat}.
 *
 * @param timeZone the browser's IANA zone (optional), adopted until the runner sets one with /timezone
 * @param location the browser's geolocation when the runner pressed "Use my location" (optional); the message
 *                 may then be empty
 */
public record ChatRequest(String message, String timeZone, Coordinates location) {

    public ChatRequest(String message, String timeZone) {
        this(message, timeZone, null);
    }

    /** Degrees as the browser's {@code GeolocationCoordinates} gives them; boxed so a missing one is noticed. */
    public record Coordinates(Double latitude, Double longitude) {
    }
}
