package ai.pace42.bot.conversation;

import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.error.ErrorCode;

/** The chat form of an error: the friendly message, then the code and request id support will ask for. */
public final class ErrorReplies {

    private ErrorReplies() {
    }

    public static Reply of(ErrorCode code, String message, String requestId) {
        ai.pace42.bot.metrics.CoreMetrics.error(code.name());
        return Reply.text(message + "\n(error " + code.name() + ", ref " + requestId + ")");
    }
}
