package ai.pace42.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A bot token turns the gateway on: JDA logs in through the configured REST URL (WireMock). Discord refusing the
 * token must not stop the server; the health check says why. (Login fails before any WebSocket is opened.)
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DiscordGatewayServerTest {

    private static final String TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GxRfk3.refused-token-for-tests-only_abcdef";
    private static final WireMockServer API = startApi();

    static final DropwizardAppExtension<Pace42Configuration> APP = TestServers.sqlite(
            ConfigOverride.config("discord.token", TOKEN),
            ConfigOverride.config("discord.apiUrl", "http://localhost:" + API.port() + "/api/v10/"));

    private static WireMockServer startApi() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().http2PlainDisabled(true));
        server.start();
        server.stubFor(any(urlPathMatching("/api/v10/.*")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\": \"401: Unauthorized\", \"code\": 0}")));
        return server;
    }

    @AfterAll
    static void stopApi() {
        API.stop();
    }

    @Test
    void aRefusedTokenLeavesTheServerUpAndTheHealthCheckUnhealthy() {
        assertThat(API.findAll(anyRequestedFor(urlPathMatching("/api/v10/users/@me")))).isNotEmpty()
                .allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bot " + TOKEN));
        ChatClient.Result health = new ChatClient(APP.getAdminPort()).request("GET", "/healthcheck", Map.of());
        assertThat(health.body()).contains("\"discord\"").contains("login failed").doesNotContain(TOKEN);
        assertThat(new ChatClient(APP.getLocalPort()).say("/help").status()).isEqualTo(200);
    }
}
