package ai.pace42.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The JAX-RS face of HTTP mode: our own constant-time signature check comes before Bolt sees anything. */
class SlackHttpResourceTest {

    private final AtomicInteger handled = new AtomicInteger();

    private SlackHttpResource resource() {
        // No token and no OAuth: Bolt needs no Web API for a slash command it only acknowledges.
        App app = new App(AppConfig.builder().signingSecret(SlackRequests.SIGNING_SECRET).singleTeamBotToken(null)
                .clientId(null).clientSecret(null).build());
        app.use((req, resp, chain) -> chain.next(req)); // no authorization middleware needed
        app.command("/coach", (req, ctx) -> {
            handled.incrementAndGet();
            return ctx.ack();
        });
        return new SlackHttpResource(app, new SlackSignature(SlackRequests.SIGNING_SECRET, Clock.systemUTC()), false);
    }

    private static String commandBody() {
        return SlackRequests.command("T1", "U1", "D1", "/coach", "status", "https://hooks.example/x");
    }

    @Test
    void signedCommandIsPassedToBolt() {
        String body = commandBody();

        Response response = resource().commands(headers(SlackRequests.signedHeaders(body,
                "application/x-www-form-urlencoded")), stream(body));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(handled).hasValue(1);
    }

    @Test
    void unsignedStaleOrWronglySignedRequestsNeverReachBolt() {
        String body = commandBody();
        SlackHttpResource resource = resource();

        Response unsigned = resource.commands(headers(Map.of()), stream(body));
        Response stale = resource.commands(headers(SlackRequests.signedHeaders(body, "application/x-www-form-urlencoded",
                Instant.now().minus(Duration.ofMinutes(6)), SlackRequests.SIGNING_SECRET)), stream(body));
        Response wrong = resource.events(headers(SlackRequests.signedHeaders(body, "application/json", Instant.now(),
                "another-secret")), stream(body));

        assertThat(List.of(unsigned.getStatus(), stale.getStatus(), wrong.getStatus())).containsOnly(401);
        assertThat(handled).hasValue(0);
    }

    @Test
    void oversizedBodiesAreRefusedAndInstallIsOffWithoutOAuth() {
        byte[] huge = new byte[SlackHttpResource.MAX_BODY_BYTES + 1];

        Response tooBig = resource().events(headers(Map.of()), new ByteArrayInputStream(huge));
        Response install = resource().install(headers(Map.of()), null);

        assertThat(tooBig.getStatus()).isEqualTo(413);
        assertThat(install.getStatus()).isEqualTo(404);
    }

    private static ByteArrayInputStream stream(String body) {
        return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
    }

    /** Just enough of JAX-RS's request headers. */
    static HttpHeaders headers(Map<String, List<String>> values) {
        MultivaluedMap<String, String> map = new MultivaluedHashMap<>();
        values.forEach(map::put);
        return new HttpHeaders() {
            @Override
            public List<String> getRequestHeader(String name) {
                return map.get(name);
            }

            @Override
            public String getHeaderString(String name) {
                List<String> v = map.get(name);
                return v == null ? null : String.join(",", v);
            }

            @Override
            public MultivaluedMap<String, String> getRequestHeaders() {
                return map;
            }

            @Override
            public List<MediaType> getAcceptableMediaTypes() {
                return List.of();
            }

            @Override
            public List<Locale> getAcceptableLanguages() {
                return List.of();
            }

            @Override
            public MediaType getMediaType() {
                return null;
            }

            @Override
            public Locale getLanguage() {
                return null;
            }

            @Override
            public Map<String, Cookie> getCookies() {
                return Map.of();
            }

            @Override
            public Date getDate() {
                return null;
            }

            @Override
            public int getLength() {
                return -1;
            }
        };
    }
}
