package ai.pace42.server.errors;

import ai.pace42.bot.error.ErrorCode;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Errors raised by Jersey itself (unknown path, wrong method, wrong content type) in our error shape. Jersey's
 * own messages can name internals, so the message comes from the taxonomy instead.
 */
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    private static final Logger LOG = LoggerFactory.getLogger(WebApplicationExceptionMapper.class);

    @Override
    public Response toResponse(WebApplicationException e) {
        java.util.Optional<Response> tooLarge = ErrorBody.ifBodyTooLarge(e);
        if (tooLarge.isPresent()) {
            return tooLarge.get();
        }
        int status = e.getResponse().getStatus();
        ErrorCode code = ErrorCode.forHttpStatus(status);
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        Response mapped = ErrorBody.response(code);
        // Keep headers such as Allow (405) that tell the client what would work.
        Response.ResponseBuilder builder = Response.fromResponse(mapped).status(status);
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }
}
