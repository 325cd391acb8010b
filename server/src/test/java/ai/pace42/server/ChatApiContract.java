package ai.pace42.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.server.db.Storage;
import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.util.Map;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The browser chat API against the running application; subclasses choose the database. */
abstract class ChatApiContract {

    protected abstract DropwizardAppExtension<Pace42Configuration> app();

    private ChatClient client;
    private ManagedDataSource dataSource;
    private Jdbi jdbi;

    @BeforeEach
    void setUp() {
        client = new ChatClient(app().getLocalPort());
        Pace42Configuration config = app().getConfiguration();
        dataSource = Storage.dataSourceFactory(config.database(), config.dataDir())
                .build(new MetricRegistry(), "test");
        jdbi = Jdbi.create(dataSource);
    }

    @AfterEach
    void tearDown() throws Exception {
        dataSource.stop();
    }

    private long accounts() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM accounts").mapTo(Long.class).one());
    }

    @Test
    void helpIsAnsweredAndTheBrowserGetsAnIdentityCookie() {
        ChatClient.Result r = client.say("/help");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("requestId").asText()).isEqualTo(r.header("X-Request-Id"));
        assertThat(r.text()).contains("/units km|mi", "/status");
        assertThat(r.header("Set-Cookie")).contains("pace42_web=", "HttpOnly", "SameSite=Strict");
    }

    @Test
    void theCookieKeepsTheSameAccountAcrossMessages() {
        client.say("/units mi");
        ChatClient.Result status = client.say("/status");

        assertThat(status.text()).contains("**Units:** mi");
        assertThat(status.header("Set-Cookie")).isNull();
        assertThat(new ChatClient(app().getLocalPort()).say("/status").text()).contains("**Units:** km");
    }

    @Test
    void theSampleAthleteAnswersWithTextAndAPngChart() {
        client.say("/sample");
        ChatClient.Result r = client.say("Analyze my last run");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).containsIgnoringCase("sample");
        JsonNode image = null;
        for (JsonNode part : r.json().path("reply").path("parts")) {
            if ("image".equals(part.path("type").asText())) {
                image = part;
            }
        }
        assertThat(image).as("an image part").isNotNull();
        assertThat(image.path("mimeType").asText()).isEqualTo("image/png");
        assertThat(image.path("alt").asText()).isNotBlank();
        byte[] png = java.util.Base64.getDecoder().decode(image.path("data").asText());
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void theBrowserTimeZoneIsAdoptedUntilTheRunnerChooses() {
        client.post("/api/v1/chat", "application/json", "{\"message\":\"/status\",\"timeZone\":\"Asia/Tokyo\"}",
                Map.of());

        assertThat(client.say("/status").text()).contains("**Time zone:** Asia/Tokyo");
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("malformed JSON", "application/json", "{\"message\": ", 400, "VALIDATION_ERROR"),
                Arguments.of("missing message", "application/json", "{}", 400, "VALIDATION_ERROR"),
                Arguments.of("empty message", "application/json", "{\"message\":\"   \"}", 400, "VALIDATION_ERROR"),
                Arguments.of("JSON null", "application/json", "null", 400, "VALIDATION_ERROR"),
                Arguments.of("array body", "application/json", "[1]", 400, "VALIDATION_ERROR"),
                Arguments.of("too long", "application/json", ChatClient.jsonString("x".repeat(4001)), 413,
                        "PAYLOAD_TOO_LARGE"),
                Arguments.of("wrong content type", "text/plain", "{\"message\":\"hi\"}", 415,
                        "UNSUPPORTED_MEDIA_TYPE"),
                Arguments.of("no content type", null, "{\"message\":\"hi\"}", 415, "UNSUPPORTED_MEDIA_TYPE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badInputGetsTheErrorShapeAndStoresNothing(String name, String contentType, String body, int status,
                                                   String code) {
        long before = accounts();

        ChatClient.Result r = client.post("/api/v1/chat", contentType, body, Map.of());

        assertErrorShape(r, status, code);
        assertThat(accounts()).isEqualTo(before);
    }

    @Test
    void exactly4000CharactersAreAccepted() {
        assertThat(client.say("y".repeat(4000)).status()).isEqualTo(200);
    }

    @Test
    void unknownPathsAndWrongMethodsGetTheErrorShape() {
        assertErrorShape(client.request("GET", "/no/such/page", Map.of()), 404, "NOT_FOUND");
        assertErrorShape(client.request("GET", "/static/secret.txt", Map.of()), 404, "NOT_FOUND");
        assertErrorShape(client.request("DELETE", "/api/v1/chat", Map.of()), 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void aSaneClientRequestIdIsKeptEverywhere() {
        ChatClient.Result r = client.post("/api/v1/chat", "application/json", "{\"message\":\"/help\"}",
                Map.of("X-Request-Id", "client-42.a_b"));

        assertThat(r.header("X-Request-Id")).isEqualTo("client-42.a_b");
        assertThat(r.json().path("requestId").asText()).isEqualTo("client-42.a_b");
    }

    @Test
    void anInsaneClientRequestIdIsReplaced() {
        for (String insane : new String[] {"x".repeat(65), "a b", "id;drop", "<script>"}) {
            ChatClient.Result r = client.request("GET", "/nowhere", Map.of("X-Request-Id", insane));

            assertThat(r.header("X-Request-Id")).startsWith("req_").isNotEqualTo(insane);
            assertThat(r.json().path("error").path("requestId").asText()).isEqualTo(r.header("X-Request-Id"));
        }
    }

    @Test
    void thePageIsServedWithStrictSecurityHeaders() {
        ChatClient.Result page = client.request("GET", "/", Map.of());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<form id=\"composer\"");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'", "script-src 'self'");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(client.request("GET", "/static/chat.js", Map.of()).header("Content-Type"))
                .startsWith("text/javascript");
    }

    @Test
    void theAdminPortReportsAHealthyDatabaseAndSecretStore() {
        ChatClient admin = new ChatClient(app().getAdminPort());
        ChatClient.Result health = admin.request("GET", "/healthcheck", Map.of());

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("database").path("healthy").asBoolean()).isTrue();
        assertThat(health.json().path("secret-store").path("healthy").asBoolean()).isTrue();
        assertThat(health.json().path("secret-store").path("message").asText()).startsWith("local:");
    }

    private static void assertErrorShape(ChatClient.Result r, int status, String code) {
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        JsonNode error = r.json().path("error");
        assertThat(error.path("code").asText()).isEqualTo(code);
        assertThat(error.path("message").asText()).isNotBlank();
        assertThat(error.path("requestId").asText()).isNotBlank().isEqualTo(r.header("X-Request-Id"));
        assertThat(r.body()).doesNotContain("Exception", "\tat ", "jakarta.", "org.glassfish");
    }
}
