package ai.pace42.server.link;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.server.ChatClient;
import ai.pace42.server.Pace42Configuration;
import ai.pace42.server.TestServers;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two application instances on one database (as behind a load balancer): a form issued by A is accepted by B. */
@ExtendWith(DropwizardExtensionsSupport.class)
class TwoInstancesLinkTest {

    static final String SHARED_DIR = sharedDir();
    static final DropwizardAppExtension<Pace42Configuration> A = TestServers.sqlite(LinkPageTest.AppWithStandIn.class,
            ConfigOverride.config("dataDir", SHARED_DIR));
    static final DropwizardAppExtension<Pace42Configuration> B = TestServers.sqlite(LinkPageTest.AppWithStandIn.class,
            ConfigOverride.config("dataDir", SHARED_DIR));
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private static String sharedDir() {
        try {
            return Files.createTempDirectory("pace42-two-instances").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aLinkFormIssuedByOneInstanceIsCompletedOnTheOther() {
        ChatClient onA = new ChatClient(A.getLocalPort());
        String url = onA.say("/link").json().path("reply").path("parts").findValues("url").get(0).asText();
        String token = url.substring(url.indexOf("/link/") + "/link/".length());
        onA.request("GET", "/link/" + token, Map.of());
        Matcher csrf = CSRF.matcher(onA.request("GET", "/link", Map.of()).body());
        assertThat(csrf.find()).isTrue();

        ChatClient onB = new ChatClient(B.getLocalPort());
        ChatClient.Result done = onB.post("/link/standin", "application/x-www-form-urlencoded",
                "csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8) + "&code=ok",
                Map.of("Cookie", LinkPageResource.COOKIE + "=" + token));

        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).contains("Garmin connected");
        assertThat(onA.say("/status").text()).contains("**Data:** Garmin");
    }

    @Test
    void aForgedTokenIsRefusedByEitherInstance() {
        ChatClient onA = new ChatClient(A.getLocalPort());
        String url = onA.say("/link").json().path("reply").path("parts").findValues("url").get(0).asText();
        String token = url.substring(url.indexOf("/link/") + "/link/".length());

        for (int port : new int[] {A.getLocalPort(), B.getLocalPort()}) {
            assertThat(new ChatClient(port).post("/link/standin", "application/x-www-form-urlencoded",
                    "csrf=forged&code=ok", Map.of("Cookie", LinkPageResource.COOKIE + "=" + token)).status())
                    .isEqualTo(403);
        }
    }
}
