package ai.pace42.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.server.AppWithRecordedChat;
import ai.pace42.server.ChatClient;
import ai.pace42.server.Pace42Configuration;
import ai.pace42.server.TestServers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The admin port's Prometheus text and read-only admin page, after a runner used the browser chat: answers by kind
 * and outcome with latency buckets, errors by code, queue depths, and counts that carry no account id or name.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AdminViewAndMetricsTest {

    static final DropwizardAppExtension<Pace42Configuration> APP = TestServers.sqlite(AppWithRecordedChat.class);

    private static ChatClient admin() {
        return new ChatClient(APP.getAdminPort());
    }

    @Test
    void prometheusTextHasAnswersByKindAndOutcomeErrorsByCodeAndQueueDepths() {
        ChatClient runner = new ChatClient(APP.getLocalPort());
        assertThat(runner.say("Analyze my last run").status()).isEqualTo(200);
        assertThat(runner.say("/status").status()).isEqualTo(200);
        assertThat(runner.post("/api/v1/chat", "application/json", "{\"message\":", Map.of()).status())
                .isEqualTo(400);

        ChatClient.Result metrics = admin().request("GET", "/prometheus", Map.of());

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.header("Content-Type")).startsWith("text/plain; version=0.0.4");
        assertThat(metrics.body()).contains("pace42_answers_seconds_count{kind=\"question\",outcome=\"ok\"}",
                "pace42_answers_seconds_count{kind=\"command\",outcome=\"ok\"}",
                "pace42_answers_seconds_bucket{kind=\"question\",outcome=\"ok\",le=",
                "pace42_errors_total{code=\"VALIDATION_ERROR\"}",
                "pace42_queue_depth{queue=\"conversations\"}",
                "# TYPE pace42_answers_seconds histogram");
    }

    @Test
    void theAdminPageShowsCountsOnlyAndNothingThatChangesState() {
        ChatClient runner = new ChatClient(APP.getLocalPort());
        runner.say("/status");

        ChatClient.Result page = admin().request("GET", "/pace42", Map.of());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("pace42 admin (read-only)", "<table id=\"sessions-day\">",
                "<table id=\"messages\">", "<table id=\"link-health\">", "<td>unchecked</td>",
                "<table id=\"errors\">");
        assertThat(page.body()).doesNotContain("acc_", "<form", "method=\"post\"");
    }
}
