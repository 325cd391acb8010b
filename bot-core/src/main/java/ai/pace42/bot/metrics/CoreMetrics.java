package ai.pace42.bot.metrics;

import ai.pace42.bot.channel.Inbound;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The core's meters on Micrometer's global registry (the server publishes them in Prometheus text format):
 * answers by kind and outcome with a latency histogram, errors by code, and queue depths. Tags come from fixed
 * sets only (kind, code, queue name), never from what a runner typed.
 */
public final class CoreMetrics {

    private CoreMetrics() {
    }

    /** {@code command}, {@code file}, {@code location} or {@code question}: bounded, whatever the text. */
    public static String kindOf(Inbound inbound) {
        if (inbound.location().isPresent()) {
            return "location";
        }
        if (!inbound.attachments().isEmpty() && !inbound.text().strip().startsWith("/")) {
            return "file";
        }
        return inbound.text().strip().startsWith("/") ? "command" : "question";
    }

    /** One answer sent: {@code outcome} is {@code ok} or the error code of the reply. */
    public static void answered(String kind, String outcome, Duration took) {
        Timer.builder("pace42.answers").description("Replies by kind and outcome, with their latency")
                .tag("kind", kind).tag("outcome", outcome).publishPercentileHistogram()
                .register(Metrics.globalRegistry).record(took);
    }

    /** A user-visible error with its code (chat replies and HTTP error bodies alike). */
    public static void error(String code) {
        Counter.builder("pace42.errors").description("User-visible errors by code").tag("code", code)
                .register(Metrics.globalRegistry).increment();
    }

    /** A queue's depth, read when scraped. The first registration of a queue name wins (one core per JVM). */
    public static void queue(String name, Supplier<Number> depth) {
        Gauge.builder("pace42.queue.depth", depth).description("Work waiting or running").tag("queue", name)
                .strongReference(true).register(Metrics.globalRegistry);
    }
}
