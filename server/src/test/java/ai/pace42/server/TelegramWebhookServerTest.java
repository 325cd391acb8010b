package ai.pace42.server;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The server in Telegram webhook mode, with WireMock as the Bot API: the secret header decides everything. */
@ExtendWith(DropwizardExtensionsSupport.class)
class TelegramWebhookServerTest {

    private static final String TOKEN = "7000000001:AAFakeTokenForTestsOnly_abcdefghijk";
    private static final String SECRET = "server-test_Secret42";
    private static final WireMockServer BOT_API = startBotApi();

    static final DropwizardAppExtension<Pace42Configuration> APP = TestServers.sqlite(
            ConfigOverride.config("telegram.token", TOKEN),
            ConfigOverride.config("telegram.apiUrl", "http://localhost:" + BOT_API.port()),
            ConfigOverride.config("telegram.mode", "webhook"),
            ConfigOverride.config("telegram.webhookSecret", SECRET),
            ConfigOverride.config("publicUrl", "https://bot.pace42.example"));

    private static final String UPDATE = "{\"update_id\": 912347001, \"message\": {\"message_id\": 31,"
            + " \"from\": {\"id\": 555000111, \"is_bot\": false, \"first_name\": \"Dana\", \"language_code\": \"en\"},"
            + " \"chat\": {\"id\": 555000111, \"first_name\": \"Dana\", \"type\": \"private\"},"
            + " \"date\": 1764121000, \"text\": \"/units mi\","
            + " \"entities\": [{\"offset\": 0, \"length\": 6, \"type\": \"bot_command\"}]}}";

    private static WireMockServer startBotApi() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().http2PlainDisabled(true));
        server.start();
        String me = "{\"id\":7000000001,\"is_bot\":true,\"first_name\":\"pace42\",\"username\":\"pace42_bot\"}";
        String sent = "{\"message_id\":77,\"chat\":{\"id\":555000111,\"type\":\"private\"},\"date\":1764121001,"
                + "\"text\":\"ok\"}";
        for (Map.Entry<String, String> e : Map.of("getme", me, "setmycommands", "true", "setwebhook", "true",
                "sendchataction", "true", "sendmessage", sent).entrySet()) {
            server.stubFor(any(urlPathMatching("/bot[^/]+/(?i)" + e.getKey()))
                    .willReturn(okJson("{\"ok\":true,\"result\":" + e.getValue() + "}")));
        }
        return server;
    }

    @AfterAll
    static void stopBotApi() {
        BOT_API.stop();
    }

    private static List<LoggedRequest> calls(String method) {
        return BOT_API.findAll(anyRequestedFor(urlPathMatching(".*"))).stream()
                .filter(r -> r.getUrl().toLowerCase(Locale.ROOT).endsWith("/" + method)).toList();
    }

    private ChatClient client() {
        return new ChatClient(APP.getLocalPort());
    }

    @Test
    void startRegistersTheWebhookAtThePublicUrlWithTheSecret() {
        String body = calls("setwebhook").get(0).getBodyAsString();
        assertThat(body).contains("https://bot.pace42.example/telegram/webhook").contains(SECRET);
    }

    @Test
    void onlyTheRightSecretIsHandled() throws Exception {
        ChatClient chat = client();
        String json = "application/json";

        assertThat(chat.post("/telegram/webhook", json, UPDATE, Map.of()).status()).isEqualTo(401);
        assertThat(chat.post("/telegram/webhook", json, UPDATE,
                Map.of("X-Telegram-Bot-Api-Secret-Token", "server-test_Secret43")).status()).isEqualTo(401);
        Thread.sleep(300);
        assertThat(calls("sendmessage")).isEmpty();

        assertThat(chat.post("/telegram/webhook", json, UPDATE,
                Map.of("X-Telegram-Bot-Api-Secret-Token", SECRET)).status()).isEqualTo(200);
        long deadline = System.currentTimeMillis() + 10_000;
        while (calls("sendmessage").isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(calls("sendmessage")).hasSize(1);
        String text = new ObjectMapper().readTree(calls("sendmessage").get(0).getBodyAsString()).get("text").asText();
        assertThat(text).containsIgnoringCase("miles");
    }

    @Test
    void theHealthCheckReportsTheAdapter() {
        ChatClient admin = new ChatClient(APP.getAdminPort());
        ChatClient.Result health = admin.request("GET", "/healthcheck", Map.of());
        assertThat(health.body()).contains("\"telegram\"").contains("webhook registered");
    }
}
