package ai.pace42.bot.error;

/** An expected failure with a code and a message that is safe to show to the user as it is. */
public class Pace42Exception extends RuntimeException {

    private final ErrorCode code;

    public Pace42Exception(ErrorCode code, String userMessage) {
        super(userMessage);
        this.code = code;
    }

    public Pace42Exception(ErrorCode code) {
        this(code, code.defaultMessage());
    }

    public ErrorCode code() {
        return code;
    }

    /** The message to show; never contains internals. */
    public String userMessage() {
        return getMessage();
    }
}
