package ai.pace42.server.errors;

import ai.pace42.bot.error.ErrorCode;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** A body that is not the JSON we expect is the client's mistake (400), never a 500. */
public final class JsonErrorMapper implements ExceptionMapper<JsonProcessingException> {

    @Override
    public Response toResponse(JsonProcessingException e) {
        java.util.Optional<Response> tooLarge = ErrorBody.ifBodyTooLarge(e);
        if (tooLarge.isPresent()) {
            return tooLarge.get();
        }
        return ErrorBody.response(ErrorCode.VALIDATION_ERROR,
                "The request body is not valid JSON of the expected shape.");
    }
}
