package ai.pace42.server.garmin.partner;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.testing.TestSecretStores;
import ai.pace42.server.ChatClient;
import ai.pace42.server.Pace42Configuration;
import ai.pace42.server.TestServers;
import ai.pace42.server.garmin.GarminWiring;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The notification endpoints in the real application: on only with partner credentials, pace42's error shape. */
@ExtendWith(DropwizardExtensionsSupport.class)
class PartnerEndpointAppTest {

    static final DropwizardAppExtension<Pace42Configuration> APP = TestServers.sqlite(
            ConfigOverride.config("garmin.GARMIN_OAUTH_CLIENT_ID", "app-client"),
            ConfigOverride.config("garmin.GARMIN_OAUTH_CLIENT_SECRET", "app-secret"),
            ConfigOverride.config("garmin.GARMIN_APIS_URL", "http://127.0.0.1:9"),
            ConfigOverride.config("garmin.GARMIN_PARTNER_PATH_SECRET", PartnerEndpointAppTest.SECRET));
    static final String SECRET = "app-path-secret-0123456789abcdefghij";

    private final ChatClient garmin = new ChatClient(APP.getLocalPort());

    @Test
    void garminGets200ForAWellFormedPingOfAnUnknownUser() {
        ChatClient.Result r = garmin.post("/garmin/partner/" + SECRET + "/ping", "application/json",
                "{\"activities\":[{\"userId\":\"nobody\",\"callbackURL\":\"http://127.0.0.1:9/wellness-api/rest/"
                        + "activities?token=t\"}]}", Map.of("garmin-client-id", "app-client"));
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void aMalformedPushIs400WithCodeMessageAndTheRequestId() {
        ChatClient.Result r = garmin.post("/garmin/partner/" + SECRET + "/push", "application/json", "{\"activities\":[",
                Map.of("garmin-client-id", "app-client", "X-Request-Id", "garmin-req-1"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().at("/error/code").asText()).isEqualTo("VALIDATION_ERROR");
        assertThat(r.json().at("/error/requestId").asText()).isEqualTo("garmin-req-1");
        assertThat(r.body()).doesNotContain("Exception");
    }

    @Test
    void withoutTheClientIdHeaderTheCallIsRefused() {
        ChatClient.Result r = garmin.post("/garmin/partner/" + SECRET + "/ping", "application/json", "{}", Map.of());
        assertThat(r.status()).isEqualTo(403);
    }

    @Test
    void withoutPartnerCredentialsThereAreNoEndpoints() throws Exception {
        var jdbi = ai.pace42.bot.testing.TestDatabases.sqlite(Files.createTempDirectory("pace42-wiring"));
        var secrets = TestSecretStores.local(jdbi, Files.createTempDirectory("pace42-wiring-keys"));
        assertThat(GarminWiring.create(Map.of(), secrets, jdbi, URI.create("http://localhost:8080"), Clock.systemUTC()).partnerEndpoints()).isEmpty();
        assertThat(GarminWiring.create(Map.of("GARMIN_OAUTH_CLIENT_ID", "only-an-id"), secrets, jdbi,
                URI.create("http://localhost:8080"), Clock.systemUTC()).partnerEndpoints()).isEmpty();
        // Credentials without a (strong enough) path secret: still off.
        assertThat(GarminWiring.create(Map.of("GARMIN_OAUTH_CLIENT_ID", "id", "GARMIN_OAUTH_CLIENT_SECRET", "s",
                        "GARMIN_PARTNER_PATH_SECRET", "short"), secrets, jdbi, URI.create("http://localhost:8080"),
                Clock.systemUTC()).partnerEndpoints()).isEmpty();
    }

    @Test
    void theOldUnprotectedPathsAreGone() {
        ChatClient.Result r = garmin.post("/garmin/partner/ping", "application/json", "{}",
                Map.of("garmin-client-id", "app-client"));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().at("/error/code").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void aPushOverTheLimitIsRefusedBeforeItIsRead() {
        ChatClient.Result r = garmin.post("/garmin/partner/" + SECRET + "/ping", "application/json",
                "{\"activities\":[],\"pad\":\"" + "x".repeat(1024 * 1024) + "\"}",
                Map.of("garmin-client-id", "app-client"));
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().at("/error/code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
    }
}
