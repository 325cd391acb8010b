package ai.pace42.discord;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import org.junit.jupiter.api.Test;

/** Login through the configured REST URL: retried while Discord is unreachable, not when it refuses the token. */
class DiscordGatewayTest {

    private static final String TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GxGate.fake-bot-token-for-gateway-tests";
    private static final String ME = "{\"id\":\"" + Fixtures.APP_ID + "\",\"username\":\"pace42\","
            + "\"discriminator\":\"0\",\"avatar\":null,\"bot\":true,\"flags\":0,\"verified\":true,"
            + "\"mfa_enabled\":false}";

    private static final int OUTAGE = 5;

    private static DiscordGateway gateway(DiscordApiStub api) {
        DiscordSettings settings = new DiscordSettings(TOKEN, "", api.baseUrl(), "");
        DiscordAdapter adapter = new DiscordAdapter(settings, Fixtures.registry(), new RecordingSender(), Clock.systemUTC());
        return new DiscordGateway(settings, adapter, builder -> builder.setSessionController(
                new ConcurrentSessionController() {
                    @Override
                    public void appendSession(SessionConnectNode node) {
                        // never open the gateway WebSocket
                    }
                }));
    }

    @Test
    void aLoginThatCannotReachDiscordIsRetriedUntilItWorks() throws Exception {
        try (DiscordApiStub api = new DiscordApiStub()) {
            // Long enough an outage to outlast the HTTP client's and JDA's own quick retries.
            for (int i = 0; i < OUTAGE; i++) {
                api.server.stubFor(get(urlPathEqualTo("/api/v10/users/@me")).inScenario("net")
                        .whenScenarioStateIs(i == 0 ? STARTED : "down-" + i)
                        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
                        .willSetStateTo(i == OUTAGE - 1 ? "up" : "down-" + (i + 1)));
            }
            api.server.stubFor(get(urlPathEqualTo("/api/v10/users/@me")).inScenario("net")
                    .whenScenarioStateIs("up").willReturn(okJson(ME)));
            DiscordGateway g = gateway(api);
            try (LogCapture logs = new LogCapture()) {
                g.start();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (g.sender() == null && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(g.sender()).isNotNull();
                assertThat(api.requests("/api/v10/users/@me")).hasSizeGreaterThan(OUTAGE);
                assertThat(logs.lines()).anySatisfy(l -> assertThat(l).contains("will retry"));
                assertThat(logs.lines()).noneSatisfy(l -> assertThat(l).contains(TOKEN));
            } finally {
                g.stop();
            }
        }
    }

    @Test
    void aRefusedTokenIsReportedAndNotRetried() throws Exception {
        try (DiscordApiStub api = new DiscordApiStub()) {
            api.server.stubFor(get(urlPathEqualTo("/api/v10/users/@me")).willReturn(aResponse().withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"message\": \"401: Unauthorized\", \"code\": 0}")));
            DiscordGateway g = gateway(api);
            g.start();
            g.stop();
            assertThat(g.status().healthy()).isFalse();
            assertThat(g.status().message()).contains("refused the bot token");
            assertThat(api.requests("/api/v10/users/@me")).hasSize(1);
        }
    }
}
