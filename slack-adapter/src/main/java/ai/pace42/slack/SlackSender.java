package ai.pace42.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiResponse;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.util.json.GsonFactory;
import com.slack.api.webhook.WebhookResponse;
import ai.pace42.bot.channel.SendFailure;
import ai.pace42.bot.channel.SendRetries;
import ai.pace42.bot.channel.SendRetryPolicy;
import ai.pace42.bot.channel.TextRenderer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends rendered replies through the Web API with one workspace's bot token. Retries follow the core's
 * {@link SendRetryPolicy} by rescheduling, never by sleeping: a 429 waits the {@code Retry-After} Slack named
 * (bounded), a 5xx or network failure backs off; any other failure is logged with our request id and Slack's,
 * and given up on. A failed send never fails the caller's future: it counts as a part not delivered.
 */
final class SlackSender {

    private static final Logger LOG = LoggerFactory.getLogger(SlackSender.class);
    /** Where a bot cannot post an ephemeral message, the slash command's response URL still can. */
    private static final Set<String> NOT_IN_CHANNEL = Set.of("channel_not_found", "not_in_channel",
            "user_not_in_channel", "is_archived");

    private final Slack slack;
    private final SendRetries retries;

    SlackSender(Slack slack, SendRetries retries) {
        this.slack = slack;
        this.retries = retries;
    }

    /** Sends every part in order, each after the previous one settled; completes with how many were delivered. */
    CompletableFuture<Integer> send(String token, Destination to, List<Outbound> parts, String requestId) {
        MethodsClient client = slack.methods(token);
        CompletableFuture<Integer> delivered = CompletableFuture.completedFuture(0);
        for (Outbound part : parts) {
            delivered = delivered.thenCompose(n -> sendOne(client, to, part, requestId).thenApply(ok -> ok ? n + 1 : n));
        }
        return delivered;
    }

    private CompletableFuture<Boolean> sendOne(MethodsClient client, Destination to, Outbound part, String requestId) {
        if (part instanceof Outbound.Blocks blocks) {
            return to.ephemeral() ? ephemeral(client, to, blocks, requestId) : post(client, to, blocks, requestId);
        }
        Outbound.Chart chart = (Outbound.Chart) part;
        return to.ephemeral()
                // An upload is visible to the whole channel: an ephemeral answer shows the chart's text.
                ? ephemeral(client, to, chartAsText(chart), requestId)
                : upload(client, to, chart, requestId);
    }

    private CompletableFuture<Boolean> post(MethodsClient client, Destination to, Outbound.Blocks m,
                                            String requestId) {
        return call("chat.postMessage", requestId, () -> client.chatPostMessage(r -> r
                .channel(to.channelId())
                .threadTs(to.threadTs())
                .text(m.fallback())
                .blocks(m.blocks())
                .unfurlLinks(false)
                .unfurlMedia(false)));
    }

    private CompletableFuture<Boolean> ephemeral(MethodsClient client, Destination to, Outbound.Blocks m,
                                                 String requestId) {
        return callQuietly("chat.postEphemeral", requestId, () -> client.chatPostEphemeral(r -> r
                .channel(to.channelId())
                .user(to.userId())
                .threadTs(to.threadTs())
                .text(m.fallback())
                .blocks(m.blocks())))
                .thenApply(response -> ephemeralSent(response, to, m, requestId));
    }

    private boolean ephemeralSent(SlackApiTextResponse response, Destination to, Outbound.Blocks m,
                                  String requestId) {
        if (response != null && response.isOk()) {
            return true;
        }
        String error = response == null ? "request failed" : response.getError();
        if (to.responseUrl() != null && response != null && NOT_IN_CHANNEL.contains(error)) {
            return respond(to.responseUrl(), m, requestId);
        }
        LOG.warn("slack chat.postEphemeral failed for request {}: {}{}", requestId, error, slackRequestId(response));
        return false;
    }

    private CompletableFuture<Boolean> upload(MethodsClient client, Destination to, Outbound.Chart chart,
                                              String requestId) {
        return call("files.uploadV2", requestId, () -> client.filesUploadV2(r -> r
                .channel(to.channelId())
                .threadTs(to.threadTs())
                .fileData(chart.png())
                .filename(chart.fileName())
                .title(clip(chart.altText(), 250))
                .altTxt(clip(chart.altText(), 1000))));
    }

    /** The response URL of a slash command: ephemeral by default, valid for 30 minutes. */
    private boolean respond(String url, Outbound.Blocks m, String requestId) {
        JsonObject payload = new JsonObject();
        payload.addProperty("response_type", "ephemeral");
        payload.addProperty("text", m.fallback());
        JsonArray blocks = GsonFactory.createSnakeCase().toJsonTree(m.blocks()).getAsJsonArray();
        payload.add("blocks", blocks);
        try {
            WebhookResponse response = slack.send(url, payload.toString());
            if (response.getCode() / 100 == 2) {
                return true;
            }
            LOG.warn("slack response_url failed for request {}: HTTP {}", requestId, response.getCode());
        } catch (IOException | RuntimeException e) {
            LOG.warn("slack response_url failed for request {}: {}", requestId, e.toString());
        }
        return false;
    }

    private static Outbound.Blocks chartAsText(Outbound.Chart chart) {
        String text = TextRenderer.SLACK_MRKDWN.render("Chart: " + chart.altText()
                + " (message me directly to see charts)");
        LayoutBlock context = ContextBlock.builder()
                .elements(List.of(MarkdownTextObject.builder().text(clip(text, 3000)).build())).build();
        return new Outbound.Blocks(clip(text, 300), new ArrayList<>(List.of(context)));
    }

    @FunctionalInterface
    interface ApiCall<T extends SlackApiTextResponse> {
        T call() throws IOException, SlackApiException;
    }

    /** Calls and logs a failure; true when the call succeeded. */
    private <T extends SlackApiTextResponse> CompletableFuture<Boolean> call(String method, String requestId,
                                                                             ApiCall<T> call) {
        return callQuietly(method, requestId, call).thenApply(response -> {
            if (response == null) {
                return false;
            }
            if (!response.isOk()) {
                LOG.warn("slack {} failed for request {}: {}{}", method, requestId, response.getError(),
                        slackRequestId(response));
                return false;
            }
            return true;
        });
    }

    /** Calls with the core's retries; completes with the response (ok or not), or null once given up. */
    private <T extends SlackApiTextResponse> CompletableFuture<T> callQuietly(String method, String requestId,
                                                                              ApiCall<T> call) {
        return retries.run("slack " + method, requestId, () -> attempt(method, call))
                .exceptionally(failure -> {
                    LOG.warn("slack {} failed for request {}: {}", method, requestId, rootMessage(failure));
                    return null;
                });
    }

    private static <T extends SlackApiTextResponse> T attempt(String method, ApiCall<T> call) {
        try {
            return call.call();
        } catch (SlackApiException e) {
            int status = e.getResponse().code();
            String detail = "HTTP " + status + (e.getError() == null ? "" : " " + e.getError().getError())
                    + headerNote(e.getResponse().header("x-slack-req-id"));
            throw SendFailure.ofStatus(status, retryAfter(e.getResponse().header("Retry-After")),
                    new IllegalStateException(detail));
        } catch (IOException e) {
            throw SendFailure.transientFailure(new IllegalStateException(e.toString()));
        }
    }

    /** Retry-After in whole seconds; null when missing or unreadable (the policy then backs off). */
    static Duration retryAfter(String header) {
        if (header == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException unreadable) {
            return null;
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable t = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    private static String slackRequestId(SlackApiResponse response) {
        if (response == null || response.getHttpResponseHeaders() == null) {
            return "";
        }
        Map<String, List<String>> headers = response.getHttpResponseHeaders();
        List<String> ids = headers.get("x-slack-req-id");
        return ids == null || ids.isEmpty() ? "" : headerNote(ids.get(0));
    }

    private static String headerNote(String slackReqId) {
        return slackReqId == null ? "" : " (slack request " + slackReqId + ")";
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
