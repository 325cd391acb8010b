package ai.pace42.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds Slack's real payload shapes, signs them like Slack and runs them through the Bolt app. */
final class SlackRequests {

    static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger IDS = new AtomicInteger();

    private SlackRequests() {
    }

    static String nextEventId() {
        return "Ev" + (100000 + IDS.incrementAndGet());
    }

    static String nextTs() {
        return "1700000" + (100 + IDS.incrementAndGet()) + ".000100";
    }

    /** An Events API envelope around {@code event}. */
    static String envelope(String team, String eventId, Map<String, Object> event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", "legacy-verification-token");
        body.put("team_id", team);
        body.put("api_app_id", "A0PACE42");
        body.put("event", event);
        body.put("type", "event_callback");
        body.put("event_id", eventId);
        body.put("event_time", 1_700_000_000);
        body.put("authorizations", List.of(Map.of("team_id", team, "user_id", "UBOT", "is_bot", true,
                "is_enterprise_install", false)));
        return json(body);
    }

    static Map<String, Object> dm(String user, String channel, String text) {
        Map<String, Object> e = message("message", user, channel, text);
        e.put("channel_type", "im");
        return e;
    }

    static Map<String, Object> mention(String user, String channel, String text) {
        return message("app_mention", user, channel, text);
    }

    private static Map<String, Object> message(String type, String user, String channel, String text) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", type);
        e.put("channel", channel);
        e.put("user", user);
        e.put("text", text);
        e.put("ts", nextTs());
        e.put("event_ts", e.get("ts"));
        return e;
    }

    /** A slash command as Slack posts it (form-encoded). */
    static String command(String team, String user, String channel, String command, String text, String responseUrl) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("token", "legacy-verification-token");
        f.put("team_id", team);
        f.put("team_domain", "team-" + team.toLowerCase());
        f.put("channel_id", channel);
        f.put("channel_name", channel.startsWith("D") ? "directmessage" : "general");
        f.put("user_id", user);
        f.put("user_name", "runner");
        f.put("command", command);
        f.put("text", text);
        f.put("api_app_id", "A0PACE42");
        f.put("response_url", responseUrl);
        f.put("trigger_id", "13345224609." + IDS.incrementAndGet() + ".b7e0e3c0b1f2");
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : f.entrySet()) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    /** Headers Slack would send, signed now. */
    static Map<String, List<String>> signedHeaders(String body, String contentType) {
        return signedHeaders(body, contentType, Instant.now(), SIGNING_SECRET);
    }

    static Map<String, List<String>> signedHeaders(String body, String contentType, Instant at, String secret) {
        String ts = Long.toString(at.getEpochSecond());
        String signature = new SlackSignature(secret, Clock.systemUTC()).sign(ts, body.getBytes(StandardCharsets.UTF_8));
        Map<String, List<String>> headers = new HashMap<>();
        headers.put("Content-Type", List.of(contentType));
        headers.put(SlackSignature.TIMESTAMP_HEADER, List.of(ts));
        headers.put(SlackSignature.SIGNATURE_HEADER, List.of(signature));
        return headers;
    }

    static Response runEvent(App app, String body) throws Exception {
        return run(app, "/slack/events", body, signedHeaders(body, "application/json"));
    }

    static Response runCommand(App app, String body) throws Exception {
        return run(app, "/slack/commands", body, signedHeaders(body, "application/x-www-form-urlencoded"));
    }

    static Response run(App app, String path, String body, Map<String, List<String>> headers) throws Exception {
        return run(app, path, body, headers, Map.of());
    }

    static Response run(App app, String path, String body, Map<String, List<String>> headers,
                        Map<String, List<String>> query) throws Exception {
        Request<?> request = new SlackRequestParser(app.config()).parse(SlackRequestParser.HttpRequest.builder()
                .requestUri(path).queryString(new HashMap<>(query)).requestBody(body)
                .headers(new RequestHeaders(headers)).build());
        return app.run(request);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
