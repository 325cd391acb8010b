package ai.pace42.server;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server in Slack HTTP mode with the OAuth install, WireMock as the Web API: install through our endpoints,
 * then a signed slash command from the installed workspace is answered with that workspace's token.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SlackHttpServerTest {

    private static final String SIGNING_SECRET = "server-test-signing-secret-0123456789";
    private static final String CLIENT_SECRET = "server-test-client-secret";
    private static final String TEAM = "T0SERVER";
    private static final String TOKEN = "xoxb-server-test-installed-token";
    private static final WireMockServer API = startApi();

    static final DropwizardAppExtension<Pace42Configuration> APP = TestServers.sqlite(
            ConfigOverride.config("slack.signingSecret", SIGNING_SECRET),
            ConfigOverride.config("slack.clientId", "111.222"),
            ConfigOverride.config("slack.clientSecret", CLIENT_SECRET),
            ConfigOverride.config("slack.apiUrl", "http://localhost:" + API.port() + "/api/"),
            ConfigOverride.config("publicUrl", "https://bot.pace42.example"));

    private static WireMockServer startApi() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().http2PlainDisabled(true));
        server.start();
        server.stubFor(post(urlPathEqualTo("/api/oauth.v2.access")).willReturn(okJson("{\"ok\":true,"
                + "\"app_id\":\"A1\",\"authed_user\":{\"id\":\"U0INSTALLER\"},\"scope\":\"chat:write,commands\","
                + "\"token_type\":\"bot\",\"access_token\":\"" + TOKEN + "\",\"bot_user_id\":\"U0BOT\","
                + "\"team\":{\"id\":\"" + TEAM + "\",\"name\":\"Server Team\"},\"enterprise\":null,"
                + "\"is_enterprise_install\":false}")));
        server.stubFor(post(urlPathEqualTo("/api/auth.test")).withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(okJson("{\"ok\":true,\"url\":\"https://server.slack.com/\",\"team\":\"Server Team\","
                        + "\"user\":\"pace42\",\"team_id\":\"" + TEAM + "\",\"user_id\":\"U0BOT\",\"bot_id\":\"B0BOT\"}")));
        server.stubFor(post(urlPathEqualTo("/api/chat.postEphemeral"))
                .willReturn(okJson("{\"ok\":true,\"message_ts\":\"1.1\"}")));
        return server;
    }

    @AfterAll
    static void stopApi() {
        API.stop();
    }

    private ChatClient client() {
        return new ChatClient(APP.getLocalPort());
    }

    @Test
    void installThenASignedSlashCommandIsAnsweredWithTheWorkspaceToken() throws Exception {
        ChatClient http = client();

        ChatClient.Result start = http.request("GET", "/slack/install", Map.of());
        assertThat(start.status()).isEqualTo(302);
        String location = start.header("Location");
        assertThat(location).startsWith("https://slack.com/oauth/v2/authorize?client_id=111.222");
        Matcher state = Pattern.compile("[?&]state=([^&]+)").matcher(location);
        assertThat(state.find()).isTrue();
        String cookie = start.header("Set-Cookie").split(";", 2)[0];
        ChatClient.Result done = http.request("GET", "/slack/oauth_redirect?code=server-code&state="
                + state.group(1), Map.of("Cookie", cookie));
        assertThat(done.status()).isEqualTo(200);
        assertThat(API.findAll(postRequestedFor(urlPathEqualTo("/api/oauth.v2.access")))).hasSize(1);
        // Jetty names the request thread after the URL, code included: the log must still not show it.
        assertThat(Files.readString(Path.of(System.getProperty("PACE42_LOG_DIR"), "pace42.log")))
                .contains("installed in workspace " + TEAM).doesNotContain("server-code", TOKEN, CLIENT_SECRET);

        String body = "team_id=" + TEAM + "&channel_id=D0DM&channel_name=directmessage&user_id=U0RUNNER"
                + "&user_name=runner&command=" + URLEncoder.encode("/coach", StandardCharsets.UTF_8)
                + "&text=units+mi&response_url=" + URLEncoder.encode("http://localhost:" + API.port() + "/r",
                StandardCharsets.UTF_8) + "&trigger_id=1.2.3";
        ChatClient.Result ack = http.post("/slack/commands", "application/x-www-form-urlencoded", body,
                signed(body, System.currentTimeMillis() / 1000));

        assertThat(ack.status()).isEqualTo(200);
        LoggedRequest ephemeral = awaitEphemeral();
        assertThat(ephemeral.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(URLDecoder.decode(ephemeral.getBodyAsString(), StandardCharsets.UTF_8)).containsIgnoringCase("miles");
    }

    @Test
    void unsignedAndStaleRequestsAreRefused() {
        String body = "team_id=" + TEAM + "&channel_id=D0DM&user_id=U0RUNNER&command=%2Fcoach&text=status";
        ChatClient http = client();

        assertThat(http.post("/slack/commands", "application/x-www-form-urlencoded", body, Map.of()).status())
                .isEqualTo(401);
        assertThat(http.post("/slack/events", "application/json", "{}",
                signed("{}", System.currentTimeMillis() / 1000 - 600)).status()).isEqualTo(401);
    }

    @Test
    void theHealthCheckReportsTheAdapter() {
        ChatClient.Result health = new ChatClient(APP.getAdminPort()).request("GET", "/healthcheck", Map.of());
        assertThat(health.body()).contains("\"slack\"").contains("http mode").doesNotContain("xoxb-");
    }

    private static LoggedRequest awaitEphemeral() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        List<LoggedRequest> calls = List.of();
        while (System.currentTimeMillis() < deadline) {
            calls = API.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postEphemeral")));
            if (!calls.isEmpty()) {
                return calls.get(0);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no chat.postEphemeral within 10 s");
    }

    private static Map<String, String> signed(String body, long timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SIGNING_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String base = "v0:" + timestamp + ":" + body;
            String signature = "v0=" + HexFormat.of().formatHex(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
            return Map.of("X-Slack-Request-Timestamp", Long.toString(timestamp), "X-Slack-Signature", signature);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
