package ai.pace42.server.admin;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /prometheus} on the admin port: every pace42 meter (answers by kind and outcome with latency
 * histograms, Garmin calls and errors by status, queue depths, errors by code) and the JVM's, in Prometheus text
 * format, next to Dropwizard's own JSON {@code /metrics}. The meters live on Micrometer's global registry, where
 * bot-core and garmin-client record them; this registry joins it once per JVM.
 */
public final class PrometheusEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";
    private static PrometheusMeterRegistry shared;

    private final transient PrometheusMeterRegistry registry;

    public PrometheusEndpoint() {
        this.registry = registry();
    }

    /** One Prometheus registry per JVM on the global composite (tests start several applications in one JVM). */
    public static synchronized PrometheusMeterRegistry registry() {
        if (shared == null) {
            shared = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            new JvmMemoryMetrics().bindTo(shared);
            new JvmThreadMetrics().bindTo(shared);
            Metrics.addRegistry(shared);
        }
        return shared;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setStatus(200);
        resp.setContentType(TEXT_FORMAT);
        resp.setHeader("Cache-Control", "no-store");
        resp.getOutputStream().write(registry.scrape().getBytes(StandardCharsets.UTF_8));
    }
}
