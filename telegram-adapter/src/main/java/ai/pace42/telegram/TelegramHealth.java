package ai.pace42.telegram;

/**
 * The adapter's health, free of any server framework so the server can wrap it in its own health check:
 * healthy when getMe succeeded and updates can arrive (polling alive, or the webhook registered).
 */
public interface TelegramHealth {

    Status check();

    record Status(boolean healthy, String message) {
    }
}
