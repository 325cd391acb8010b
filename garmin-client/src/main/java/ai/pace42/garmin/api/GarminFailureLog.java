package ai.pace42.garmin.api;

import ai.pace42.garmin.GarminProblem;
import ai.pace42.garmin.GarminProblemCode;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One WARN line per failed Garmin call, so a request id quoted by a runner leads to what Garmin did: the endpoint
 * class (path with ids and names replaced, no query), the status, our code and what happens next. Never a token,
 * a query string or a response body.
 */
final class GarminFailureLog {

    private static final Logger LOG = LoggerFactory.getLogger(GarminFailureLog.class);

    private GarminFailureLog() {
    }

    static void failed(URI url, GarminProblem p) {
        io.micrometer.core.instrument.Metrics.counter("pace42.garmin.errors", "code", p.code().name(),
                "service", GarminMetrics.service(url)).increment();
        String status = p.httpStatus().isPresent() ? String.valueOf(p.httpStatus().getAsInt()) : "none";
        if (expected(p.code())) {
            LOG.debug("garmin call: requestId={} endpoint={} status={} code={}", requestId(), endpointClass(url),
                    status, p.code());
            return;
        }
        LOG.warn("garmin call failed: requestId={} endpoint={} status={} code={} detail=\"{}\" retry={}",
                requestId(), endpointClass(url), status, p.code(), p.detail(), retryDecision(p));
    }

    /** "No details for a manual run" and "not linked" are answers, not failures. */
    private static boolean expected(GarminProblemCode code) {
        return code == GarminProblemCode.GARMIN_NO_DATA || code == GarminProblemCode.GARMIN_NOT_FOUND
                || code == GarminProblemCode.GARMIN_NOT_LINKED;
    }

    private static String requestId() {
        String id = MDC.get("requestId");
        return id == null || id.isBlank() ? "-" : id;
    }

    /** {@code /activity-service/activity/{id}/details}: what was asked, without whose or which. */
    static String endpointClass(URI url) {
        String path = url.getPath() == null ? "" : url.getPath();
        path = path.replaceAll("/\\d[^/]*", "/{id}");
        int named = path.indexOf("/racepredictions/latest/");
        return named < 0 ? path : path.substring(0, named) + "/racepredictions/latest/{name}";
    }

    static String retryDecision(GarminProblem p) {
        return switch (p.code()) {
            case GARMIN_RATE_LIMITED -> "none before " + p.retryAfter().map(d -> d.toSeconds() + " s").orElse("the pause ends");
            case GARMIN_UNAVAILABLE -> "gave up for this answer (" + p.detail() + "); next try on the next question";
            case GARMIN_SLOW -> "answer sent without it; the call continues in the background";
            case GARMIN_RELINK_REQUIRED, GARMIN_ACCESS_DENIED -> "none: the runner must re-link";
            default -> "none";
        };
    }
}
