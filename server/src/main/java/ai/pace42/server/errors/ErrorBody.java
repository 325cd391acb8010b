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
        return Response.status(code.httpStatus())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(new Detail(code.name(), message, RequestIds.current())))
                .build();
    }

    public static Response response(ErrorCode code) {
        return response(code, code.defaultMessage());
    }
}
