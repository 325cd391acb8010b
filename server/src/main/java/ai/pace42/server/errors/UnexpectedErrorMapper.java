package ai.pace42.server.errors;

import ai.pace42.bot.error.ErrorCode;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Anything else is our bug: logged in full with the request id, answered without internals. */
public final class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorMapper.class);

    @Override
    public Response toResponse(Throwable e) {
        java.util.Optional<Response> tooLarge = ErrorBody.ifBodyTooLarge(e);
        if (tooLarge.isPresent()) {
            return tooLarge.get();
        }
        LOG.error("unexpected error", e);
        return ErrorBody.response(ErrorCode.INTERNAL_ERROR);
    }
}
