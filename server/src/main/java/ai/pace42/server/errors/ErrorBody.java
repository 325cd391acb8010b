package ai.pace42.server.errors;

import ai.pace42.bot.error.ErrorCode;
import ai.pace42.server.http.RequestIds;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The one error shape of every API: {@code {"error":{"code":"…","message":"…","requestId":"…"}}}. */
public record ErrorBody(Detail error) {

    public record Detail(String code, String message, String requestId) {
    }

    public static Response response(ErrorCode code, String message) {
        return response(code, message, RequestIds.current());
    }

    /** For answers written off the request thread, where the MDC no longer holds the request id. */
    public static Response response(ErrorCode code, String message, String requestId) {
        ai.pace42.bot.metrics.CoreMetrics.error(code.name());
        return Response.status(code.httpStatus())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(new Detail(code.name(), message, requestId)))
                .build();
    }

    /** A body over its limit, however deep a parser or Jersey wrapped the exception, is answered 413. */
    public static java.util.Optional<Response> ifBodyTooLarge(Throwable e) {
        return ai.pace42.server.http.BodyTooLargeException.in(e)
                .map(tooLarge -> response(ErrorCode.PAYLOAD_TOO_LARGE, tooLarge.userMessage()));
    }

    public static Response response(ErrorCode code) {
        return response(code, code.defaultMessage());
    }
}
