package ai.pace42.discord;

import ai.pace42.bot.channel.SendFailure;
import ai.pace42.bot.channel.SendRetries;
import ai.pace42.bot.channel.SendRetryPolicy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * {@link DiscordSender} over Discord's REST API without a gateway, for the interactions endpoint. Retries follow
 * the core's {@link SendRetryPolicy} by rescheduling (no send thread sleeps): a 429 waits its {@code retry_after}
 * (body, else {@code X-RateLimit-Reset-After}, else {@code Retry-After}); a global 429 ({@code "global":true} or
 * {@code X-RateLimit-Global}) holds every call, not just its route; a 5xx backs off; the first edit of a
 * deferred response is retried on 404 because it can reach Discord before our HTTP acknowledgement did. URLs
 * hold interaction tokens, so only {@code what} (the route without the token) ever reaches an exception or log.
 */
final class RestSender implements DiscordSender {

    private static final MediaType JSON = MediaType.get("application/json");

    private final OkHttpClient http;
    private final ObjectMapper json;
    private final URI base;
    private final String botToken;
    private final SendRetries retries;
    private final LongSupplier nanoClock;
    /** Until when (nano clock) a global rate limit holds every call. */
    private final AtomicLong globalUntil;

    RestSender(OkHttpClient http, ObjectMapper json, URI base, String botToken, SendRetries retries,
               LongSupplier nanoClock) {
        this.http = http;
        this.json = json;
        this.base = base;
        this.botToken = botToken == null ? "" : botToken;
        this.retries = retries;
        this.nanoClock = nanoClock;
        this.globalUntil = new AtomicLong(nanoClock.getAsLong());
    }

    int maxAttempts() {
        return retries.policy().maxAttempts();
    }

    @Override
    public CompletableFuture<Void> toChannel(String channelId, String userId, OutboundMessage message) {
        return post("channels/" + channelId + "/messages", "create message", message).thenApply(x -> null);
    }

    @Override
    public CompletableFuture<Void> toUser(String userId, OutboundMessage message) {
        ObjectNode recipient = json.createObjectNode().put("recipient_id", userId);
        return call("POST", "users/@me/channels", "open DM", "-", () -> RequestBody.create(recipient.toString(), JSON),
                true, false)
                .thenCompose(channel -> post("channels/" + channel.path("id").asText() + "/messages",
                        "create message", message))
                .thenApply(x -> null);
    }

    @Override
    public CompletableFuture<Void> editOriginal(InteractionRef i, OutboundMessage message) {
        return call("PATCH", "webhooks/" + i.applicationId() + "/" + i.token() + "/messages/@original",
                "edit original response", i.requestId(), () -> body(message, false), false, true).thenApply(x -> null);
    }

    @Override
    public CompletableFuture<Void> followUp(InteractionRef i, OutboundMessage message, boolean ephemeral) {
        return call("POST", "webhooks/" + i.applicationId() + "/" + i.token(), "follow-up message",
                i.requestId(), () -> body(message, ephemeral), false, false).thenApply(x -> null);
    }

    private CompletableFuture<JsonNode> post(String path, String what, OutboundMessage message) {
        return call("POST", path, what, "-", () -> body(message, false), true, false);
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

    /** {@code body} makes a fresh request body per attempt (OkHttp may consume one). */
    private CompletableFuture<JsonNode> call(String method, String path, String what, String requestId,
                                             Supplier<RequestBody> body, boolean bot, boolean retryNotFound) {
        if (bot && botToken.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalStateException(what + " needs DISCORD_BOT_TOKEN"));
        }
        return retries.run("discord " + what, requestId, () -> attempt(method, path, what, body.get(), bot, retryNotFound));
    }

    private JsonNode attempt(String method, String path, String what, RequestBody body, boolean bot,
                             boolean retryNotFound) {
        long held = globalUntil.get() - nanoClock.getAsLong();
        if (held > 0) {
            throw SendFailure.rateLimited(Duration.ofNanos(held), new DiscordApiException(what, 429, 0));
        }
        Request.Builder request = new Request.Builder().url(base.resolve(path).toString()).method(method, body)
                .header("User-Agent", "DiscordBot (https://github.com/pace42, 0.1)");
        if (bot) {
            request.header("Authorization", "Bot " + botToken);
        }
        try (Response response = http.newCall(request.build()).execute()) {
            JsonNode answer = read(response.body());
            if (response.isSuccessful()) {
                return answer;
            }
            int status = response.code();
            DiscordApiException refused = new DiscordApiException(what, status, answer.path("code").asInt(0));
            if (retryNotFound && status == 404) {
                throw SendFailure.transientFailure(refused);
            }
            Duration wait = status == 429 ? retryAfter(response, answer) : null;
            if (wait != null && isGlobal(response, answer)) {
                long until = nanoClock.getAsLong() + wait.toNanos();
                globalUntil.accumulateAndGet(until, Math::max);
            }
            throw SendFailure.ofStatus(status, wait, refused);
        } catch (IOException e) {
            throw SendFailure.transientFailure(new DiscordApiException(what + " (" + e.getClass().getSimpleName()
                    + ")", 0, 0));
        }
    }

    /** Discord names the wait in seconds (fractional) in its body and headers; null when nothing is readable. */
    static Duration retryAfter(Response response, JsonNode answer) {
        double seconds = answer.path("retry_after").asDouble(-1);
        if (seconds < 0) {
            seconds = seconds(response.header("X-RateLimit-Reset-After"));
        }
        if (seconds < 0) {
            seconds = seconds(response.header("Retry-After"));
        }
        return seconds < 0 ? null : Duration.ofMillis((long) Math.ceil(seconds * 1000));
    }

    private static boolean isGlobal(Response response, JsonNode answer) {
        return answer.path("global").asBoolean(false) || "true".equalsIgnoreCase(response.header("X-RateLimit-Global"))
                || "global".equalsIgnoreCase(response.header("X-RateLimit-Scope"));
    }

    private static double seconds(String header) {
        try {
            return header == null ? -1 : Double.parseDouble(header.trim());
        } catch (NumberFormatException e) {
            return -1;
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
