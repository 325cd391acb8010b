package ai.pace42.server.garmin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.server.ChatClient;
import ai.pace42.server.Pace42Configuration;
import ai.pace42.server.TestServers;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The link page's limits in the assembled server: wrong passwords are relayed to WireMock's SSO only so often, and
 * one link cannot be opened without end (fault 10).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SignInRelayLimitTest {

    static final WireMockServer SSO = started();
    /** The test client connects from 127.0.0.1, so here it stands for our own reverse proxy. */
    static final DropwizardAppExtension<Pace42Configuration> APP = TestServers.sqlite(
            ConfigOverride.config("garmin.GARMIN_SSO_URL", "http://127.0.0.1:" + SSO.port()),
            ConfigOverride.config("trustedProxies", "127.0.0.1/32"));
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private static WireMockServer started() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(get(urlPathEqualTo("/mobile/sso/en/sign-in")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html><title>Garmin SSO Portal</title></html>")));
        server.stubFor(post(urlPathEqualTo("/mobile/api/login")).willReturn(okJson("{\"serviceTicketId\":null,"
                + "\"responseStatus\":{\"type\":\"INVALID_USERNAME_PASSWORD\",\"message\":\"\",\"httpStatus\":"
                + "\"UNAUTHORIZED\"}}")));
        return server;
    }

    @BeforeEach
    void forgetEarlierRequests() {
        SSO.resetRequests();
    }

    @AfterAll
    static void stop() {
        SSO.stop();
    }

    @Test
    void theSixthPasswordOnOneLinkIsNotRelayedAndTheRunnerIsToldWhyWithACode() {
        ChatClient runner = new ChatClient(APP.getLocalPort());
        String url = runner.say("/link").json().path("reply").path("parts").findValues("url").get(0).asText();
        runner.request("GET", url.substring(url.indexOf("/link/")), Map.of());
        Matcher csrf = CSRF.matcher(runner.request("GET", "/link", Map.of()).body());
        assertThat(csrf.find()).isTrue();

        ChatClient.Result last = null;
        for (int i = 1; i <= 6; i++) {
            last = runner.post("/link/signin", "application/x-www-form-urlencoded", "csrf="
                    + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8) + "&username=victim%40example.com"
                    + "&password=guess-" + i, Map.of("X-Request-Id", "signin-" + i));
            if (i < 6) {
                assertThat(last.status()).as("attempt %d is relayed and refused by Garmin", i).isEqualTo(422);
            }
        }

        assertThat(last.status()).isEqualTo(429);
        assertThat(last.body()).contains("Too many sign-in attempts", "RATE_LIMITED", "signin-6");
        SSO.verify(5, postRequestedFor(urlPathEqualTo("/mobile/api/login")));
    }

    @Test
    void aLinkOpenedTooOftenGetsAFriendly429WithCodeAndReference() {
        ChatClient runner = new ChatClient(APP.getLocalPort());
        String url = runner.say("/link").json().path("reply").path("parts").findValues("url").get(0).asText();
        String path = url.substring(url.indexOf("/link/"));
        for (int i = 1; i <= ai.pace42.server.link.LinkVisitLimits.PER_TOKEN; i++) {
            assertThat(runner.request("GET", path, Map.of()).status()).as("visit %d", i).isEqualTo(303);
        }

        ChatClient.Result refused = runner.request("GET", path, Map.of("X-Request-Id", "visit-over"));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 600);
        assertThat(refused.body()).contains("Please wait about 10 minutes", "/link", "RATE_LIMITED",
                "reference visit-over").doesNotContain(path.substring("/link/".length()));
    }

    /** Behind a trusted proxy the address limit counts the client the proxy saw, not what the client claims. */
    @Test
    void behindATrustedProxyTheAddressCountedIsTheOneTheProxyAppended() throws Exception {
        ChatClient runner = new ChatClient(APP.getLocalPort());
        String url = runner.say("/link").json().path("reply").path("parts").findValues("url").get(0).asText();
        runner.request("GET", url.substring(url.indexOf("/link/")), Map.of());
        Matcher csrf = CSRF.matcher(runner.request("GET", "/link", Map.of()).body());
        assertThat(csrf.find()).isTrue();

        ChatClient.Result r = runner.post("/link/signin", "application/x-www-form-urlencoded", "csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8) + "&username=proxied%40example.com"
                + "&password=guess", Map.of("X-Forwarded-For", "6.6.6.6, 198.51.100.7"));

        assertThat(r.status()).isEqualTo(422);
        assertThat(attemptsFor("198.51.100.7")).isEqualTo(1);
        assertThat(attemptsFor("6.6.6.6")).as("the client's own entry is ignored").isZero();
    }

    private static long attemptsFor(String address) throws Exception {
        String subject = "address:" + java.util.HexFormat.of().formatHex(java.security.MessageDigest
                .getInstance("SHA-256").digest(("address|" + address).getBytes(StandardCharsets.US_ASCII)));
        var db = ai.pace42.server.db.Storage.dataSourceFactory(APP.getConfiguration().database(),
                APP.getConfiguration().dataDir()).build(new com.codahale.metrics.MetricRegistry(), "t");
        try (var c = db.getConnection();
             var q = c.prepareStatement("SELECT COUNT(*) FROM sign_in_attempts WHERE subject = ?")) {
            q.setString(1, subject);
            try (var rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } finally {
            db.stop();
        }
    }
}
