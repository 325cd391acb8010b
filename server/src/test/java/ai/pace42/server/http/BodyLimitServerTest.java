package ai.pace42.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.server.Pace42Configuration;
import ai.pace42.server.TestServers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Request bodies against the running server: bounded before any parsing, answered 413 in the error shape. */
@ExtendWith(DropwizardExtensionsSupport.class)
class BodyLimitServerTest {

    static final DropwizardAppExtension<Pace42Configuration> APP = TestServers.sqlite();
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsSent() throws Exception {
        // Only the headers go out: an answer proves the server did not wait for (or read) 19 MB.
        try (Socket socket = new Socket("127.0.0.1", APP.getLocalPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/chat HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "X-Request-Id: big-1\r\nContent-Length: 19000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(socket.getInputStream().readNBytes(4096), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 413");
            JsonNode error = JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4)).path("error");
            assertThat(error.path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
            assertThat(error.path("requestId").asText()).isEqualTo("big-1");
            assertThat(error.path("message").asText()).contains("64 KB");
        }
    }

    @Test
    void aBodyThatTricklesInIsCutOffWith408() throws Exception {
        // One byte a second keeps resetting Jetty's idle timeout; the body deadline still ends it.
        try (Socket socket = new Socket("127.0.0.1", APP.getLocalPort())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/chat HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "X-Request-Id: slow-1\r\nContent-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = "";
            for (int i = 0; i < 60 && answer.isEmpty(); i++) {
                Thread.sleep(1000);
                try {
                    out.write(' ');
                    out.flush();
                } catch (IOException closed) {
                    // the server answered and closed; read what it said
                }
                if (socket.getInputStream().available() > 0) {
                    answer = new String(socket.getInputStream().readNBytes(socket.getInputStream().available()),
                            StandardCharsets.UTF_8);
                }
            }

            assertThat(answer).startsWith("HTTP/1.1 408");
            assertThat(answer).contains("\"code\":\"REQUEST_TIMEOUT\"", "\"requestId\":\"slow-1\"");
        }
    }

    @Test
    void aChunkedChatBodyOverTheLimitIsRefused() throws Exception {
        HttpResponse<String> r = postChunked("/api/v1/chat", "application/json",
                jsonWithPadding("/help", 200 * 1024));

        assertThat(r.statusCode()).isEqualTo(413);
        JsonNode error = JSON.readTree(r.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(error.path("requestId").asText()).isEqualTo(r.headers().firstValue("X-Request-Id").orElseThrow());
    }

    @Test
    void aChunkedLinkFormOverTheLimitIsRefused() throws Exception {
        HttpResponse<String> r = postChunked("/link/signin", "application/x-www-form-urlencoded",
                ("username=a&password=" + "x".repeat(100 * 1024)).getBytes(StandardCharsets.US_ASCII));

        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(r.body()).path("error").path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void aBodyJustUnderTheLimitIsAnswered() throws Exception {
        byte[] body = jsonWithPadding("/help", (int) BodyLimits.DEFAULT_BYTES - 200);
        assertThat(body.length).isBetween((int) BodyLimits.DEFAULT_BYTES - 1024, (int) BodyLimits.DEFAULT_BYTES);

        HttpResponse<String> chunked = postChunked("/api/v1/chat", "application/json", body);
        HttpResponse<String> sized = http.send(request("/api/v1/chat", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(chunked.statusCode()).isEqualTo(200);
        assertThat(sized.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(sized.body()).path("reply").toString()).contains("/status");
    }

    @Test
    void deeplyNestedJsonIsRefused() throws Exception {
        // Unknown fields are ignored, so without a nesting limit this body would be answered 200.
        String shallow = "{\"message\":\"/help\",\"extra\":" + "[".repeat(20) + "]".repeat(20) + "}";
        String deep = "{\"message\":\"/help\",\"extra\":" + "[".repeat(2000) + "]".repeat(2000) + "}";

        HttpResponse<String> ok = postSized("/api/v1/chat", shallow);
        HttpResponse<String> refused = postSized("/api/v1/chat", deep);

        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).path("error").path("code").asText()).isEqualTo("VALIDATION_ERROR");
    }

    private HttpResponse<String> postSized(String path, String body) throws IOException, InterruptedException {
        return http.send(request(path, "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postChunked(String path, String type, byte[] body)
            throws IOException, InterruptedException {
        // A stream of unknown length goes out with Transfer-Encoding: chunked.
        HttpRequest.BodyPublisher chunked = HttpRequest.BodyPublishers.ofInputStream(
                () -> (InputStream) new ByteArrayInputStream(body));
        return http.send(request(path, type).POST(chunked).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String type) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + APP.getLocalPort() + path))
                .header("Content-Type", type);
    }

    /** {"message": …} followed by whitespace, so the body has the size asked for and the message stays short. */
    private static byte[] jsonWithPadding(String message, int size) {
        String head = "{\"message\":\"" + message + "\"";
        return (head + " ".repeat(Math.max(0, size - head.length() - 1)) + "}").getBytes(StandardCharsets.UTF_8);
    }
}
