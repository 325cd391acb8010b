package ai.pace42.garmin.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.garmin.GarminWireMock;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Garmin calls by service and status on the global registry, against Garmin's real answers: a list, a 429 with
 * Retry-After, and a 500 retried. Labels carry the service only, never an activity id or a display name.
 */
class GarminMetricsTest extends GarminWireMock {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void addRegistry() {
        Metrics.addRegistry(registry);
    }

    @AfterEach
    void removeRegistry() {
        Metrics.removeRegistry(registry);
    }

    private double calls(String service, String status) {
        var c = registry.find("pace42.garmin.calls").tag("service", service).tag("status", status).counter();
        return c == null ? 0 : c.count();
    }

    private void send(GarminHttp http, String path) {
        http.send(HttpRequest.newBuilder(URI.create(wm.baseUrl() + path)).GET().build());
    }

    @Test
    void everyRequestIsCountedByServiceAndStatus() {
        wm.stubFor(get(urlPathEqualTo("/activitylist-service/activities/search/activities")).willReturn(okJson("[]")));
        wm.stubFor(get(urlPathEqualTo("/activity-service/activity/41000000099/splits")).willReturn(aResponse()
                .withStatus(429).withHeader("Retry-After", "1")));
        wm.stubFor(get(urlPathEqualTo("/wellness-service/wellness/dailySleepData/ada-a")).willReturn(aResponse()
                .withStatus(500)));
        GarminHttp http = new GarminHttp(config);

        send(http, "/activitylist-service/activities/search/activities?start=0&limit=20");
        send(http, "/activity-service/activity/41000000099/splits");
        send(new GarminHttp(config), "/wellness-service/wellness/dailySleepData/ada-a");

        assertThat(calls("activitylist-service", "200")).isEqualTo(1);
        assertThat(calls("activity-service", "429")).isEqualTo(1);
        assertThat(calls("wellness-service", "500")).as("one per attempt: three tries").isEqualTo(3);
        assertThat(registry.find("pace42.garmin.calls").counters()).allMatch(c -> c.getId().getTags().stream()
                .noneMatch(t -> t.getValue().contains("41000000099") || t.getValue().contains("ada-a")));
        assertThat(registry.find("pace42.garmin.call.latency").tag("service", "activity-service").timer().count())
                .isEqualTo(1);
    }
}
