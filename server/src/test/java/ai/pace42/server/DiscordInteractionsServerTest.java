package ai.pace42.server;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server with Discord's interactions endpoint on (a public key, no bot token) and WireMock as Discord's
 * REST API: signatures decide, PING gets PONG, a command is deferred and then completed by editing the original.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DiscordInteractionsServerTest {

    private static final KeyPair DISCORD = keyPair();
    private static final String APP_ID = "1100000000000000001";
    private static final String TOKEN = "aW50ZXJhY3Rpb246c2VydmVyLXRlc3QtU0VDUkVU";
    private static final WireMockServer API = startApi();

    static final DropwizardAppExtension<Pace42Configuration> APP = TestServers.sqlite(
            ConfigOverride.config("discord.publicKey", publicKeyHex()),
            ConfigOverride.config("discord.apiUrl", "http://localhost:" + API.port() + "/api/v10/"));

    private static final String PING = "{\"id\":\"1310000000000000001\",\"application_id\":\"" + APP_ID + "\","
            + "\"type\":1,\"token\":\"aW50ZXJhY3Rpb246cGluZw\",\"version\":1}";
    private static final String UNITS = "{\"id\":\"1310000000000000077\",\"application_id\":\"" + APP_ID + "\","
            + "\"type\":2,\"token\":\"" + TOKEN + "\",\"version\":1,\"channel_id\":\"1200000000000000077\","
            + "\"context\":1,\"locale\":\"en-GB\",\"data\":{\"id\":\"1150000000000000005\",\"name\":\"units\","
            + "\"type\":1,\"options\":[{\"name\":\"system\",\"type\":3,\"value\":\"mi\"}]},"
            + "\"user\":{\"id\":\"80351110224678912\",\"username\":\"dana_runs\",\"global_name\":\"Dana\","
            + "\"discriminator\":\"0\",\"avatar\":null,\"public_flags\":0}}";

    private static KeyPair keyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String publicKeyHex() {
        byte[] der = DISCORD.getPublic().getEncoded();
        return HexFormat.of().formatHex(der, der.length - 32, der.length);
    }

    private static String sign(String timestamp, String body) throws GeneralSecurityException {
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(DISCORD.getPrivate());
        s.update((timestamp + body).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(s.sign());
    }

    private static WireMockServer startApi() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().http2PlainDisabled(true));
        server.start();
        server.stubFor(patch(urlPathMatching("/api/v10/webhooks/[0-9]+/[^/]+/messages/@original"))
                .willReturn(okJson("{\"id\":\"1330000000000000001\",\"type\":0,\"content\":\"ok\","
                        + "\"channel_id\":\"1200000000000000077\",\"attachments\":[],\"embeds\":[]}")));
        return server;
    }

    @AfterAll
    static void stopApi() {
        API.stop();
    }

    private static ChatClient.Result post(String body, Map<String, String> headers) {
        return new ChatClient(APP.getLocalPort()).post("/discord/interactions", "application/json", body, headers);
    }

    private static List<LoggedRequest> edits() {
        return API.findAll(anyRequestedFor(urlPathMatching(".*/messages/@original")));
    }

    @Test
    void aSignedPingGetsPongAndABadSignatureA401() throws Exception {
        String ts = Long.toString(Instant.now().getEpochSecond());
        ChatClient.Result pong = post(PING, Map.of("X-Signature-Ed25519", sign(ts, PING),
                "X-Signature-Timestamp", ts));
        assertThat(pong.status()).isEqualTo(200);
        assertThat(pong.json().path("type").asInt()).isEqualTo(1);

        // Signed over another timestamp than the one sent: the signature covers the timestamp too.
        assertThat(post(PING, Map.of("X-Signature-Ed25519", sign("1700000000", PING), "X-Signature-Timestamp", ts))
                .status()).isEqualTo(401);
        assertThat(post(PING, Map.of()).status()).isEqualTo(401);
    }

    @Test
    void aCommandIsDeferredThenCompletedThroughTheWebhookApi() throws Exception {
        String ts = Long.toString(Instant.now().getEpochSecond());
        ChatClient.Result deferred = post(UNITS, Map.of("X-Signature-Ed25519", sign(ts, UNITS),
                "X-Signature-Timestamp", ts));
        assertThat(deferred.status()).isEqualTo(200);
        assertThat(deferred.json().path("type").asInt()).isEqualTo(5);
        long deadline = System.currentTimeMillis() + 10_000;
        while (edits().isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(edits()).singleElement().satisfies(r -> {
            assertThat(r.getUrl()).contains("/webhooks/" + APP_ID + "/" + TOKEN + "/messages/@original");
            assertThat(new ObjectMapper().readTree(r.getBodyAsString()).path("content").asText()).contains("miles");
        });
    }

    @Test
    void theHealthCheckReportsTheAdapter() {
        ChatClient.Result health = new ChatClient(APP.getAdminPort()).request("GET", "/healthcheck", Map.of());
        assertThat(health.body()).contains("\"discord\"").contains("interactions endpoint");
    }
}
