package ai.pace42.server.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Gives every request an id, returns it in {@code X-Request-Id}, puts it in the MDC so every log line written
 * while serving the request carries it, and writes one structured access line per request.
 */
public final class RequestIdFilter implements Filter {

    private static final Logger ACCESS = LoggerFactory.getLogger("ai.pace42.access");

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String requestId = RequestIds.acceptOrGenerate(request.getHeader(RequestIds.HEADER));
        request.setAttribute(RequestIds.MDC_KEY, requestId);
        response.setHeader(RequestIds.HEADER, requestId);
        MDC.put(RequestIds.MDC_KEY, requestId);
        long started = System.nanoTime();
        try {
            chain.doFilter(req, res);
        } finally {
            if (!request.isAsyncStarted()) {
                logAccess(request, response, started);
            } else {
                request.getAsyncContext().addListener(new AccessOnCompletion(request, response, started));
            }
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    private static void logAccess(HttpServletRequest request, HttpServletResponse response, long started) {
        String previous = MDC.get(RequestIds.MDC_KEY);
        MDC.put(RequestIds.MDC_KEY, (String) request.getAttribute(RequestIds.MDC_KEY));
        try {
            // The path only: query strings may carry things that do not belong in logs.
            ACCESS.info("{} {} {} {}ms", request.getMethod(), request.getRequestURI(), response.getStatus(),
                    (System.nanoTime() - started) / 1_000_000);
        } finally {
            if (previous == null) {
                MDC.remove(RequestIds.MDC_KEY);
            } else {
                MDC.put(RequestIds.MDC_KEY, previous);
            }
        }
    }

    private record AccessOnCompletion(HttpServletRequest request, HttpServletResponse response, long started)
            implements jakarta.servlet.AsyncListener {

        @Override
        public void onComplete(jakarta.servlet.AsyncEvent event) {
            logAccess(request, response, started);
        }

        @Override
        public void onTimeout(jakarta.servlet.AsyncEvent event) {
            // the resource's own timeout handler answers; onComplete logs it
        }

        @Override
        public void onError(jakarta.servlet.AsyncEvent event) {
            // onComplete follows and logs the final status
        }

        @Override
        public void onStartAsync(jakarta.servlet.AsyncEvent event) {
            // nothing to do
        }
    }
}
