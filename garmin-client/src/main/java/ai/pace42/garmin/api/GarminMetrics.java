package ai.pace42.garmin.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * Every request that reached the network, on Micrometer's global registry: {@code pace42.garmin.calls} by
 * service and status (a status of {@code none} is a time-out or I/O error), and their latency. The service is
 * the first path segment only ({@code activity-service}, {@code diauth} …): bounded, and never an id or a
 * display name.
 */
final class GarminMetrics {

    private static final Set<String> SERVICES = Set.of("activity-service", "activitylist-service",
            "userprofile-service", "usersummary-service", "wellness-service", "sleep-service", "hrv-service",
            "metrics-service", "trainingstatus-service", "biometric-service", "di-oauth2-service", "oauth-service",
            "partner-gateway", "wellness-api", "mobile", "sso");

    private GarminMetrics() {
    }

    static void call(URI url, String status, Duration took) {
        MeterRegistry registry = Metrics.globalRegistry;
        String service = service(url);
        Counter.builder("pace42.garmin.calls").description("Garmin requests that reached the network")
                .tag("service", service).tag("status", status)
                .tag("outcome", status.startsWith("2") ? "ok" : "error").register(registry).increment();
        Timer.builder("pace42.garmin.call.latency").description("Garmin response time per request")
                .tag("service", service).publishPercentileHistogram().register(registry).record(took);
    }

    static String service(URI url) {
        String path = url.getPath() == null ? "" : url.getPath();
        String[] parts = path.split("/");
        for (String p : parts) {
            if (!p.isEmpty()) {
                return SERVICES.contains(p) ? p : "other";
            }
        }
        return "other";
    }
}
