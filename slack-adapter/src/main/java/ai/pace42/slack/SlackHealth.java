package ai.pace42.slack;

/**
 * The adapter's health, free of any server framework so the server can wrap it in its own health check:
 * Socket Mode: the WebSocket is connected; HTTP mode: {@code auth.test} succeeds for the installed workspaces.
 */
public interface SlackHealth {

    Status check();

    record Status(boolean healthy, String message) {
    }
}
