package ai.pace42.server.plans;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.subscription.BillingWebhook;
import ai.pace42.server.ChatClient;
import ai.pace42.server.Pace42Configuration;
import ai.pace42.server.TestServers;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The plans and subscription JSON APIs and the billing webhook, through the running application. */
@ExtendWith(DropwizardExtensionsSupport.class)
class PlansAndBillingServerTest {

    static final String SECRET = "whsec_server_test";
    static final DropwizardAppExtension<Pace42Configuration> APP = TestServers.sqlite(
            ConfigOverride.config("subscriptions.webhookSecrets[0]", SECRET));

    private ChatClient client() {
        return new ChatClient(APP.getLocalPort());
    }

    private static String signature(String body, long t) {
        return "t=" + t + ",v1=" + BillingWebhook.sign(SECRET, Long.toString(t), body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theWebhookAnswersValidTamperedStaleAndReplayedEvents() {
        ChatClient c = client();
        long now = Instant.now().getEpochSecond();
        String body = "{\"id\":\"evt_srv_1\",\"type\":\"subscription.created\",\"created\":" + now
                + ",\"data\":{\"account_id\":\"acc_nobody\",\"paid_until\":" + (now + 86_400) + "}}";
        ChatClient.Result ok = c.post("/billing/webhook", "application/json", body, Map.of("Pace42-Signature", signature(body, now)));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().path("outcome").asText()).isEqualTo("UNKNOWN_ACCOUNT");
        ChatClient.Result replay = c.post("/billing/webhook", "application/json", body, Map.of("Pace42-Signature", signature(body, now)));
        assertThat(replay.json().path("outcome").asText()).isEqualTo("DUPLICATE");

        ChatClient.Result tampered = c.post("/billing/webhook", "application/json", body.replace("86400", "86401").replace("created\"", "created\""),
                Map.of("Pace42-Signature", signature(body.replace("evt_srv_1", "evt_srv_2"), now)));
        assertThat(tampered.status()).isEqualTo(401);
        assertThat(tampered.json().path("error").path("code").asText()).isEqualTo("SUBSCRIPTION_WEBHOOK_SIGNATURE");
        assertThat(tampered.json().path("error").path("requestId").asText()).isNotBlank();

        String old = body.replace("evt_srv_1", "evt_srv_3");
        ChatClient.Result stale = c.post("/billing/webhook", "application/json", old, Map.of("Pace42-Signature", signature(old, now - 600)));
        assertThat(stale.status()).isEqualTo(401);
        assertThat(stale.json().path("error").path("code").asText()).isEqualTo("SUBSCRIPTION_WEBHOOK_STALE");
        assertThat(stale.body()).doesNotContain("acc_nobody");
    }

    @Test
    void thePlansApiUsesTheChatCookieAndNamesTheFieldOfAValidationError() {
        ChatClient c = client();
        ChatClient.Result anonymous = c.request("GET", "/api/v1/plans", Map.of());
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().path("error").path("code").asText()).isEqualTo("UNAUTHORIZED");
        assertThat(anonymous.json().path("error").path("requestId").asText()).isNotBlank();

        assertThat(c.say("/status").status()).isEqualTo(200); // the browser chat signs this client in
        assertThat(c.request("GET", "/api/v1/plans", Map.of()).json().path("plans").size()).isZero();

        ChatClient.Result bad = c.post("/api/v1/plans", "application/json", "{\"distance\":\"5k\",\"raceDate\":\"next spring\"}", Map.of());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("error").path("code").asText()).isEqualTo("VALIDATION_ERROR");
        assertThat(bad.json().path("error").path("message").asText()).startsWith("raceDate:");
        ChatClient.Result badDays = c.post("/api/v1/plans", "application/json",
                "{\"distance\":\"5k\",\"raceDate\":\"2030-01-01\",\"daysPerWeek\":9}", Map.of());
        assertThat(badDays.json().path("error").path("message").asText()).startsWith("daysPerWeek:");

        String race = LocalDate.now().plusWeeks(10).toString();
        ChatClient.Result made = c.post("/api/v1/plans", "application/json",
                "{\"distance\":\"5k\",\"raceDate\":\"" + race + "\",\"daysPerWeek\":4,\"longRunDay\":\"saturday\"}", Map.of());
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        assertThat(made.json().path("plan").path("raceDate").asText()).isEqualTo(race);
        assertThat(made.json().path("plan").path("weeks").size()).isEqualTo(10);

        ChatClient.Result ics = c.request("GET", "/api/v1/plans/current.ics", Map.of());
        assertThat(ics.status()).isEqualTo(200);
        assertThat(ics.header("Content-Type")).startsWith("text/calendar");
        assertThat(ics.body()).startsWith("BEGIN:VCALENDAR").contains("BEGIN:VEVENT");

        ChatClient.Result sub = c.request("GET", "/api/v1/subscription", Map.of());
        assertThat(sub.json().path("tier").asText()).isEqualTo("free");
        assertThat(sub.json().path("questionLimit").asInt()).isEqualTo(50);
        assertThat(c.say("this week").text()).as("the chat sees the plan the API made").containsAnyOf("Week 1 of 10", "starts on");
    }
}
