package ai.pace42.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** A browser-like HTTP client for the chat API: keeps its cookie between calls. */
public final class ChatClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final CookieManager cookies;
    private final HttpClient http;

    public ChatClient(int port) {
        this(port, new CookieManager());
    }

    /** A browser whose cookies are shared with other clients: one person whose requests a balancer spreads. */
    public ChatClient(int port, CookieManager cookies) {
        this.base = "http://localhost:" + port;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).version(HttpClient.Version.HTTP_1_1).build();
    }

    public record Result(int status, Map<String, java.util.List<String>> headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        /** All text parts of a chat reply, joined. */
        public String text() {
            StringBuilder sb = new StringBuilder();
            json().path("reply").path("parts").forEach(p -> {
                if ("text".equals(p.path("type").asText())) {
                    sb.append(p.path("text").asText()).append('\n');
                }
            });
            return sb.toString();
        }
    }

    public Result say(String message) {
        return post("/api/v1/chat", "application/json", jsonString(message), Map.of());
    }

    public Result post(String path, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        headers.forEach(b::header);
        return send(b.build());
    }

    /** A file through the browser chat's upload, as the page sends it. */
    public Result upload(String fileName, byte[] content) {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/chat/files?name="
                        + java.net.URLEncoder.encode(fileName, java.nio.charset.StandardCharsets.UTF_8)))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build());
    }

    public Result request(String method, String path, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(b::header);
        return send(b.build());
    }

    private Result send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Result(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String jsonString(String message) {
        try {
            return JSON.writeValueAsString(Map.of("message", message));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
