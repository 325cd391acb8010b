package ai.pace42.bot.channel;

/**
 * An adapter's health, free of any server framework so the server can wrap it in its own health check: whether
 * messages can arrive now (e.g. polling alive, gateway or socket connected, webhook registered), and why not.
 */
public interface ChannelHealth {

    Status check();

    record Status(boolean healthy, String message) {
    }
}
