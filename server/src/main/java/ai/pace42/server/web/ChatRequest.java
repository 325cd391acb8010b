package ai.pace42.server.web;

/**
 * The body of {@code POST /api/v1/chat}.
 *
 * @param timeZone the browser's IANA zone (optional), adopted until the runner sets one with /timezone
 */
public record ChatRequest(String message, String timeZone) {
}
