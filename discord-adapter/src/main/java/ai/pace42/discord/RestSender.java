package ai.pace42.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * {@link DiscordSender} over Discord's REST API without a gateway, for the interactions endpoint. Follows
 * Discord's contract: a 429 is retried after its {@code retry_after}, a 5xx a little later; the first edit of a
 * deferred response is retried on 404 because it can reach Discord before our HTTP acknowledgement did. URLs
 * hold interaction tokens, so only {@code what} (the route without the token) ever reaches an exception or log.
 */
final class RestSender implements DiscordSender {

    private static final MediaType JSON = MediaType.get("application/json");
    static final int MAX_ATTEMPTS = 5;
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final OkHttpClient http;
    private final ObjectMapper json;
    private final URI base;
    private final String botToken;
    private final Executor executor;
    private final Sleeper sleeper;

    /** Waiting between attempts; tests replace it so they don't sleep. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    RestSender(OkHttpClient http, ObjectMapper json, URI base, String botToken, Executor executor, Sleeper sleeper) {
        this.http = http;
        this.json = json;
        this.base = base;
        this.botToken = botToken == null ? "" : botToken;
        this.executor = executor;
        this.sleeper = sleeper;
    }

    @Override
    public CompletableFuture<Void> toChannel(String channelId, String userId, OutboundMessage message) {
        return CompletableFuture.runAsync(() -> post("channels/" + channelId + "/messages", "create message",
                message, false, true), executor);
    }

    @Override
    public CompletableFuture<Void> toUser(String userId, OutboundMessage message) {
        return CompletableFuture.runAsync(() -> {
            ObjectNode recipient = json.createObjectNode().put("recipient_id", userId);
            JsonNode channel = call("POST", "users/@me/channels", "open DM",
                    RequestBody.create(recipient.toString(), JSON), true, false);
            post("channels/" + channel.path("id").asText() + "/messages", "create message", message, false, true);
        }, executor);
    }

    @Override
    public CompletableFuture<Void> editOriginal(InteractionRef i, OutboundMessage message) {
        return CompletableFuture.runAsync(() -> call("PATCH",
                "webhooks/" + i.applicationId() + "/" + i.token() + "/messages/@original", "edit original response",
                body(message, false), false, true), executor);
    }

    @Override
    public CompletableFuture<Void> followUp(InteractionRef i, OutboundMessage message, boolean ephemeral) {
        return CompletableFuture.runAsync(() -> call("POST", "webhooks/" + i.applicationId() + "/" + i.token(),
                "follow-up message", body(message, ephemeral), false, false), executor);
    }

    private void post(String path, String what, OutboundMessage message, boolean ephemeral, boolean bot) {
        call("POST", path, what, body(message, ephemeral), bot, false);
    }

    private RequestBody body(OutboundMessage m, boolean ephemeral) {
        String payload = MessageJson.of(json, m, ephemeral).toString();
        if (!m.hasFile()) {
            return RequestBody.create(payload, JSON);
        }
        return new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("payload_json", null, RequestBody.create(payload, JSON))
                .addFormDataPart("files[0]", m.fileName(), RequestBody.create(m.png(), MediaType.get(m.mediaType())))
                .build();
    }

    private JsonNode call(String method, String path, String what, RequestBody body, boolean bot,
                          boolean retryNotFound) {
        if (bot && botToken.isEmpty()) {
            throw new IllegalStateException(what + " needs DISCORD_BOT_TOKEN");
        }
        Request.Builder request = new Request.Builder().url(base.resolve(path).toString()).method(method, body)
                .header("User-Agent", "DiscordBot (https://github.com/pace42, 0.1)");
        if (bot) {
            request.header("Authorization", "Bot " + botToken);
        }
        Request built = request.build();
        for (int attempt = 1; ; attempt++) {
            try (Response response = http.newCall(built).execute()) {
                JsonNode answer = read(response.body());
                if (response.isSuccessful()) {
                    return answer;
                }
                int status = response.code();
                boolean retry = status == 429 || status >= 500 || (retryNotFound && status == 404);
                if (!retry || attempt >= MAX_ATTEMPTS) {
                    throw new DiscordApiException(what, status, answer.path("code").asInt(0));
                }
                pause(waitFor(response, answer, attempt));
            } catch (IOException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw new DiscordApiException(what + " (" + e.getClass().getSimpleName() + ")", 0, 0);
                }
                pause(Duration.ofMillis(250L << attempt));
            }
        }
    }

    /** A 429 says how long to wait (seconds, fractional) in its body and headers; otherwise back off. */
    private static Duration waitFor(Response response, JsonNode answer, int attempt) {
        double seconds = answer.path("retry_after").asDouble(-1);
        if (seconds < 0) {
            String header = response.header("Retry-After");
            try {
                seconds = header == null ? -1 : Double.parseDouble(header);
            } catch (NumberFormatException e) {
                seconds = -1;
            }
        }
        Duration wait = seconds >= 0 ? Duration.ofMillis((long) Math.ceil(seconds * 1000))
                : Duration.ofMillis(250L << attempt);
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }

    private void pause(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }

    private JsonNode read(ResponseBody body) throws IOException {
        if (body == null) {
            return json.createObjectNode();
        }
        String text = body.string();
        if (text.isBlank()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(text);
        } catch (IOException notJson) {
            return json.createObjectNode();
        }
    }
}
