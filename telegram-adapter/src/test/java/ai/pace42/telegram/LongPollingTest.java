package ai.pace42.telegram;

import ai.pace42.bot.channel.ChannelHealth;
import ai.pace42.bot.testing.Eventually;
import static ai.pace42.telegram.BotApiStub.method;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Long polling end to end: getUpdates on WireMock delivers an update, the answer goes out, stop stops polling. */
class LongPollingTest {

    @TempDir
    Path tmp;

    @Test
    void anUpdateFromGetUpdatesIsAnsweredAndStopEndsPolling() throws Exception {
        try (BotApiStub api = new BotApiStub(); ai.pace42.bot.BotCore core = Fixtures.core(tmp, Fixtures.ECHO_COACH)) {
            api.stub(method("getUpdates").inScenario("poll").whenScenarioStateIs(STARTED)
                    .willReturn(okJson("{\"ok\":true,\"result\":[" + Fixtures.raw("group_mention") + "]}"))
                    .willSetStateTo("drained"));
            api.stub(method("getUpdates").inScenario("poll").whenScenarioStateIs("drained")
                    .willReturn(okJson("{\"ok\":true,\"result\":[]}").withFixedDelay(100)));
            TelegramAdapter adapter = new TelegramAdapter(api.pollingSettings(), core.commands());

            adapter.start(core.dispatcher());

            Eventually.within(Duration.ofSeconds(10), () -> assertThat(api.bodies("sendMessage")).hasSize(1));
            assertThat(TelegramAdapterTest.json(api.bodies("sendMessage").get(0))).isEqualTo(TelegramAdapterTest.json(
                    TelegramAdapterTest.sendMessageJson(Fixtures.GROUP, "You asked: how was my week?")));
            // The next poll acknowledges the update by asking for the one after it.
            Eventually.within(Duration.ofSeconds(5), () -> assertThat(api.bodies("getUpdates")).hasSizeGreaterThan(1));
            assertThat(TelegramAdapterTest.json(api.bodies("getUpdates").get(1)).get("offset").asInt())
                    .isEqualTo(912345003);
            assertThat(adapter.check()).isEqualTo(new ChannelHealth.Status(true, "@pace42_bot: polling"));

            adapter.stop();
            Thread.sleep(300);
            int polls = api.requests("getUpdates").size();
            Thread.sleep(500);
            assertThat(api.requests("getUpdates")).hasSize(polls);
            assertThat(adapter.check().healthy()).isFalse();
        }
    }
}
