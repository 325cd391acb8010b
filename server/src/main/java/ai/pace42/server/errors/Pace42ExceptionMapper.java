package ai.pace42.server.errors;

import ai.pace42.bot.error.Pace42Exception;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Expected failures: their message was written for the user. */
public final class Pace42ExceptionMapper implements ExceptionMapper<Pace42Exception> {

    @Override
    public Response toResponse(Pace42Exception e) {
        return ErrorBody.response(e.code(), e.userMessage());
    }
}
