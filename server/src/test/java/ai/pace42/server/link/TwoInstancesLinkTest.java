package ai.pace42.server.link;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.server.ChatClient;
import ai.pace42.server.Pace42Configuration;
import ai.pace42.server.TestServers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

    static final java.nio.file.Path SHARED_DIR = sharedDir();
    // Each instance under its own property prefix: two "dw." override sets would restore each other's values.
    static final DropwizardAppExtension<Pace42Configuration> A = TestServers.sqliteUnderPrefix("twoA", SHARED_DIR,
            LinkPageTest.AppWithStandIn.class, Map.of());
    static final DropwizardAppExtension<Pace42Configuration> B = TestServers.sqliteUnderPrefix("twoB", SHARED_DIR,
            LinkPageTest.AppWithStandIn.class, Map.of());
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private static java.nio.file.Path sharedDir() {
        try {
            return Files.createTempDirectory("pace42-two-instances");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aLinkFormIssuedByOneInstanceIsCompletedOnTheOther() throws Exception {
        ChatClient onA = new ChatClient(A.getLocalPort());
        String url = onA.say("/link").json().path("reply").path("parts").findValues("url").get(0).asText();
        String token = url.substring(url.indexOf("/link/") + "/link/".length());
        onA.request("GET", "/link/" + token, Map.of());
        Matcher csrf = CSRF.matcher(onA.request("GET", "/link", Map.of()).body());
        assertThat(csrf.find()).isTrue();

        HttpResponse<String> done = postWithLinkCookie(B.getLocalPort(), token,
                "csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8) + "&code=ok");

        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("Now confirm in the browser chat");
        assertThat(onA.say(ConfirmCommands.on(done.body())).text()).startsWith("Garmin connected as ");
        assertThat(onA.say("/status").text()).contains("**Data:** Garmin");
    }

    @Test
    void aForgedTokenIsRefusedByEitherInstance() throws Exception {
        ChatClient onA = new ChatClient(A.getLocalPort());
        String url = onA.say("/link").json().path("reply").path("parts").findValues("url").get(0).asText();
        String token = url.substring(url.indexOf("/link/") + "/link/".length());

        for (int port : new int[] {A.getLocalPort(), B.getLocalPort()}) {
            assertThat(postWithLinkCookie(port, token, "csrf=forged&code=ok").statusCode()).isEqualTo(403);
        }
    }

    /** A browser that carries the link cookie to whichever instance the balancer picks. */
    private static HttpResponse<String> postWithLinkCookie(int port, String token, String form) throws Exception {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/link/standin"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", LinkPageResource.COOKIE + "=" + token)
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
