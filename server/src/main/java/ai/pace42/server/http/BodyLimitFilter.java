package ai.pace42.server.http;

import ai.pace42.bot.error.ErrorCode;
import ai.pace42.server.errors.ErrorBody;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds every request body before anything parses it: a declared Content-Length above the path's limit is
 * answered 413 at once (nothing is read); any other body (chunked) of a path that allows at most 1 MiB is read
 * here up to its limit and answered 413 as soon as it passes it. Larger allowances (Garmin's pushes) are read by
 * the endpoint through a counting stream that fails at the limit; the exception mappers answer that 413.
 */
public final class BodyLimitFilter implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(BodyLimitFilter.class);

    /** Bodies allowed up to this size are read here, so no endpoint ever sees an oversized one. */
    static final long BUFFERED_UP_TO = BodyLimits.MIB;
    /** A buffered body must arrive within this; one that trickles in is answered 408 instead of holding a thread. */
    static final Duration BODY_DEADLINE = Duration.ofSeconds(10);

    private final BodyLimits limits;
    private final ObjectMapper json;

    public BodyLimitFilter(BodyLimits limits, ObjectMapper json) {
        this.limits = limits;
        this.json = json;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        long limit = limits.limitFor(request.getRequestURI());
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            LOG.info("request body refused: declared {} bytes, limit {}", declared, limit);
            refuse((HttpServletResponse) res, ErrorCode.PAYLOAD_TOO_LARGE,
                    new BodyTooLargeException(limit).userMessage());
            return;
        }
        CountedRequest counted;
        try {
            counted = limit <= BUFFERED_UP_TO ? CountedRequest.buffered(request, limit, BODY_DEADLINE)
                    : CountedRequest.streamed(request, limit);
        } catch (BodyTooLargeException e) {
            LOG.info("request body refused: more than {} bytes", limit);
            refuse((HttpServletResponse) res, ErrorCode.PAYLOAD_TOO_LARGE, e.userMessage());
            return;
        } catch (IOException e) {
            // Too slow (our deadline or Jetty's idle timeout) or cut off: the client's problem, not a 500.
            LOG.info("request body not received: {}", e.getClass().getSimpleName());
            refuse((HttpServletResponse) res, ErrorCode.REQUEST_TIMEOUT, ErrorCode.REQUEST_TIMEOUT.defaultMessage());
            return;
        }
        chain.doFilter(counted, res);
    }

    private void refuse(HttpServletResponse response, ErrorCode code, String message) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(code.httpStatus());
        response.setContentType("application/json");
        // The client is still sending; closing the connection stops it instead of reading the rest.
        response.setHeader("Connection", "close");
        ErrorBody body = new ErrorBody(new ErrorBody.Detail(code.name(), message, RequestIds.current()));
        json.writeValue(response.getOutputStream(), body);
    }

    static String readable(long bytes) {
        return bytes >= BodyLimits.MIB && bytes % BodyLimits.MIB == 0 ? bytes / BodyLimits.MIB + " MB"
                : bytes / BodyLimits.KIB + " KB";
    }
}
