package ai.pace42.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * WireMock standing in for the Slack Web API, answering the way Slack does: HTTP 200 with {@code "ok":true} or
 * {@code "ok":false,"error":…}, and 429 with {@code Retry-After}. Each workspace has its own bot token.
 */
final class SlackApiStub implements AutoCloseable {

    static final String TEAM = "T0001";
    static final String TOKEN = "xoxb-test-team-one";
    static final String BOT_USER = "UBOT1";
    static final String TEAM2 = "T0002";
    static final String TOKEN2 = "xoxb-test-team-two";
    static final String BOT_USER2 = "UBOT2";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());

    SlackApiStub() {
        server.start();
        authTest(TOKEN, TEAM, BOT_USER);
        authTest(TOKEN2, TEAM2, BOT_USER2);
        server.stubFor(post(urlPathEqualTo("/api/auth.test")).atPriority(10)
                .willReturn(okJson("{\"ok\":false,\"error\":\"invalid_auth\"}")));
        ok("chat.postMessage", "{\"ok\":true,\"channel\":\"D1\",\"ts\":\"1700000000.000100\"}");
        ok("chat.postEphemeral", "{\"ok\":true,\"message_ts\":\"1700000000.000200\"}");
        ok("views.publish", "{\"ok\":true,\"view\":{\"id\":\"V1\",\"type\":\"home\"}}");
        ok("files.getUploadURLExternal", "{\"ok\":true,\"upload_url\":\"" + baseUrl() + "upload/F123\","
                + "\"file_id\":\"F123\"}");
        server.stubFor(post(urlPathEqualTo("/upload/F123")).willReturn(aResponse().withStatus(200).withBody("OK - 16")));
        ok("files.completeUploadExternal", "{\"ok\":true,\"files\":[{\"id\":\"F123\",\"title\":\"chart\"}]}");
        server.stubFor(post(urlPathMatching("/response/.*")).willReturn(aResponse().withStatus(200).withBody("ok")));
    }

    /** auth.test for one token, as Slack answers it. */
    void authTest(String token, String team, String botUser) {
        server.stubFor(post(urlPathEqualTo("/api/auth.test")).atPriority(1)
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson("{\"ok\":true,\"url\":\"https://" + team.toLowerCase() + ".slack.com/\","
                        + "\"team\":\"Team " + team + "\",\"user\":\"pace42\",\"team_id\":\"" + team + "\","
                        + "\"user_id\":\"" + botUser + "\",\"bot_id\":\"B" + botUser + "\","
                        + "\"is_enterprise_install\":false}")));
    }

    void ok(String method, String body) {
        server.stubFor(post(urlPathEqualTo("/api/" + method)).willReturn(okJson(body)));
    }

    WireMockServer server() {
        return server;
    }

    /** The Web API prefix, e.g. {@code http://localhost:1234/api/}. */
    URI apiUrl() {
        return URI.create(baseUrl() + "api/");
    }

    String baseUrl() {
        return "http://localhost:" + server.port() + "/";
    }

    List<LoggedRequest> calls(String method) {
        return server.findAll(postRequestedFor(urlPathEqualTo("/api/" + method)));
    }

    /** The form parameters of a Web API call. */
    static Map<String, String> form(LoggedRequest request) {
        Map<String, String> out = new HashMap<>();
        String body = request.getBodyAsString();
        if (body.isEmpty()) {
            return out;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(key, value);
        }
        return out;
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The texts of the section blocks of a chat.post* call, in order. */
    static List<String> sectionTexts(LoggedRequest request) {
        JsonNode blocks = json(form(request).get("blocks"));
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        for (JsonNode block : blocks) {
            if ("section".equals(block.path("type").asText())) {
                out.add(block.path("text").path("text").asText());
            }
        }
        return out;
    }

    static String bearer(LoggedRequest request) {
        return request.getHeader("Authorization");
    }

    void stubAny(String path, int status, String body) {
        server.stubFor(any(urlPathEqualTo(path)).willReturn(aResponse().withStatus(status).withBody(body)));
    }

    void stubGet(String path, byte[] body) {
        server.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200).withBody(body)));
    }

    @Override
    public void close() {
        server.stop();
    }
}
