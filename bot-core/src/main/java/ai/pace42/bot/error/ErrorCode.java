package ai.pace42.bot.error;

/**
 * The one error taxonomy of pace42. Every error a user or API client sees carries one of these codes and the
 * request id. Codes are stable: clients may branch on them, so never rename one.
 */
public enum ErrorCode {
    VALIDATION_ERROR(400, "The request is not valid."),
    UNAUTHORIZED(401, "Please sign in again."),
    FORBIDDEN(403, "You are not allowed to do that."),
    NOT_FOUND(404, "Nothing was found here."),
    METHOD_NOT_ALLOWED(405, "That method is not allowed here."),
    REQUEST_TIMEOUT(408, "The request arrived too slowly or incompletely; please send it again."),
    CONFLICT(409, "That conflicts with the current state; please reload and try again."),
    PAYLOAD_TOO_LARGE(413, "The request is too large."),
    UNSUPPORTED_MEDIA_TYPE(415, "That content type is not supported."),
    RATE_LIMITED(429, "Too many requests; please slow down and try again shortly."),
    BUSY(503, "The coach is busy right now; please try again in a moment."),
    SERVICE_UNAVAILABLE(503, "A service pace42 depends on is unavailable; please try again later."),
    SECRET_UNREADABLE(409, "A stored connection could not be read; please link the account again."),
    WEATHER_UNAVAILABLE(503, "The weather service is unavailable; please try again later."),
    INTERNAL_ERROR(500, "Something went wrong on our side."),
    SUBSCRIPTION_QUESTION_LIMIT(429, "This month's coach questions on the free plan are used up."),
    SUBSCRIPTION_PLAN_LIMIT(409, "The free plan allows one active training plan."),
    SUBSCRIPTION_WEBHOOK_SIGNATURE(401, "The billing signature does not match."),
    SUBSCRIPTION_WEBHOOK_STALE(401, "The billing signature's timestamp is too old or too far ahead."),
    SUBSCRIPTION_WEBHOOK_BODY(400, "The billing event is not valid."),
    SUBSCRIPTION_WEBHOOK_TYPE(400, "The billing event type is not known.");

    private final int httpStatus;
    private final String defaultMessage;

    ErrorCode(int httpStatus, String defaultMessage) {
        this.httpStatus = httpStatus;
        this.defaultMessage = defaultMessage;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String defaultMessage() {
        return defaultMessage;
    }

    /** The code that best describes an HTTP status, for errors raised by the HTTP stack itself. */
    public static ErrorCode forHttpStatus(int status) {
        for (ErrorCode c : values()) {
            if (c.httpStatus == status && c != SERVICE_UNAVAILABLE) {
                return c;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : VALIDATION_ERROR;
    }
}
