package ai.pace42.discord;

/**
 * The adapter's health, free of any server framework so the server can wrap it in its own health check:
 * healthy when the gateway is connected (or, commands-only, when the interactions endpoint is served).
 */
public interface DiscordHealth {

    Status check();

    record Status(boolean healthy, String message) {
    }
}
