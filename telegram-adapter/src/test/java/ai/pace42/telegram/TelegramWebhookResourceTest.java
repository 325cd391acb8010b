package ai.pace42.telegram;

import ai.pace42.bot.testing.Eventually;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The webhook resource in front of a real adapter (Bot API on WireMock): only the right secret gets through. */
class TelegramWebhookResourceTest {

    @TempDir
    Path tmp;

    private BotApiStub api;
    private ai.pace42.bot.BotCore core;
    private TelegramAdapter adapter;
    private TelegramWebhookResource resource;

    @BeforeEach
    void start() {
        api = new BotApiStub();
        core = Fixtures.core(tmp, Fixtures.ECHO_COACH);
        adapter = new TelegramAdapter(new TelegramSettings(BotApiStub.TOKEN, api.baseUrl(),
                TelegramSettings.Mode.WEBHOOK, TelegramAdapterTest.WEBHOOK, TelegramAdapterTest.SECRET, List.of(),
                BotApiStub.fastLimits()), core.commands());
        adapter.start(core.dispatcher());
        resource = adapter.webhookResource();
    }

    @AfterEach
    void stop() {
        adapter.stop();
        core.close();
        api.close();
    }

    private static java.io.InputStream bytes(String s) {
        return new java.io.ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theRightSecretIsHandled() {
        Response response = resource.receive(TelegramAdapterTest.SECRET, bytes(Fixtures.raw("group_mention")));

        assertThat(response.getStatus()).isEqualTo(200);
        Eventually.within(java.time.Duration.ofSeconds(5), () -> assertThat(api.bodies("sendMessage")).hasSize(1));
        assertThat(TelegramAdapterTest.json(api.bodies("sendMessage").get(0))).isEqualTo(TelegramAdapterTest.json(
                TelegramAdapterTest.sendMessageJson(Fixtures.GROUP, "You asked: how was my week?")));
    }

    @Test
    void aWrongOrMissingSecretIsRefusedAndNothingIsHandled() throws Exception {
        int before = api.server.getAllServeEvents().size();
        String update = Fixtures.raw("private_text");

        assertThat(resource.receive("s3cr3t-Webhook_Tokem", bytes(update)).getStatus()).isEqualTo(401);
        assertThat(resource.receive(TelegramAdapterTest.SECRET + "x", bytes(update)).getStatus()).isEqualTo(401);
        assertThat(resource.receive("", bytes(update)).getStatus()).isEqualTo(401);
        assertThat(resource.receive(null, bytes(update)).getStatus()).isEqualTo(401);

        Thread.sleep(200);
        assertThat(api.server.getAllServeEvents()).hasSize(before);
        // The refused update was not marked as seen: the genuine delivery is still answered.
        assertThat(resource.receive(TelegramAdapterTest.SECRET, bytes(update)).getStatus()).isEqualTo(200);
        Eventually.within(java.time.Duration.ofSeconds(5), () -> assertThat(api.requests("sendPhoto")).hasSize(1));
    }

    @Test
    void malformedJsonIsABadRequestAndNothingIsHandled() throws Exception {
        int before = api.server.getAllServeEvents().size();

        assertThat(resource.receive(TelegramAdapterTest.SECRET, bytes(Fixtures.raw("malformed"))).getStatus())
                .isEqualTo(400);
        assertThat(resource.receive(TelegramAdapterTest.SECRET, bytes("[1,2]")).getStatus()).isEqualTo(400);
        assertThat(resource.receive(TelegramAdapterTest.SECRET, bytes("")).getStatus()).isEqualTo(400);
        assertThat(resource.receive(TelegramAdapterTest.SECRET,
                bytes("{\"update_id\": 1, \"message\": {\"text\": \"" + "x".repeat(1024 * 1024) + "\"}}"))
                .getStatus()).isEqualTo(413);

        Thread.sleep(200);
        assertThat(api.server.getAllServeEvents()).hasSize(before);
    }

    @Test
    void anUnknownUpdateTypeIsAcknowledgedSoTelegramDoesNotRetryIt() {
        assertThat(resource.receive(TelegramAdapterTest.SECRET, bytes(Fixtures.raw("unknown_type"))).getStatus())
                .isEqualTo(200);
    }
}
