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
import ai.pace42.bot.channel.TextRenderer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends rendered replies through the Web API with one workspace's bot token. A 429 waits for the
 * {@code Retry-After} the server named (bounded) and tries again; any other failure is logged with our request
 * id and Slack's, and given up on — a failed send never throws into the caller.
 */
final class SlackSender {

    private static final Logger LOG = LoggerFactory.getLogger(SlackSender.class);
    /** Where a bot cannot post an ephemeral message, the slash command's response URL still can. */
    private static final Set<String> NOT_IN_CHANNEL = Set.of("channel_not_found", "not_in_channel",
            "user_not_in_channel", "is_archived");

    private final Slack slack;
    private final int maxAttempts;
    private final Duration maxRetryAfter;
    private final Sleeper sleeper;

    /** Waits between attempts; tests replace it so nothing really sleeps. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    SlackSender(Slack slack, int maxAttempts, Duration maxRetryAfter, Sleeper sleeper) {
        this.slack = slack;
        this.maxAttempts = maxAttempts;
        this.maxRetryAfter = maxRetryAfter;
        this.sleeper = sleeper;
    }

    /** Sends every part in order; returns how many parts were delivered. */
    int send(String token, Destination to, List<Outbound> parts, String requestId) {
        MethodsClient client = slack.methods(token);
        int delivered = 0;
        for (Outbound part : parts) {
            boolean ok;
            if (part instanceof Outbound.Blocks blocks) {
                ok = to.ephemeral() ? ephemeral(client, to, blocks, requestId) : post(client, to, blocks, requestId);
            } else {
                Outbound.Chart chart = (Outbound.Chart) part;
                ok = to.ephemeral()
                        // An upload is visible to the whole channel: an ephemeral answer shows the chart's text.
                        ? ephemeral(client, to, chartAsText(chart), requestId)
                        : upload(client, to, chart, requestId);
            }
            if (ok) {
                delivered++;
            }
        }
        return delivered;
    }

    private boolean post(MethodsClient client, Destination to, Outbound.Blocks m, String requestId) {
        return call("chat.postMessage", requestId, () -> client.chatPostMessage(r -> r
                .channel(to.channelId())
                .threadTs(to.threadTs())
                .text(m.fallback())
                .blocks(m.blocks())
                .unfurlLinks(false)
                .unfurlMedia(false))) != null;
    }

    private boolean ephemeral(MethodsClient client, Destination to, Outbound.Blocks m, String requestId) {
        SlackApiTextResponse response = callQuietly("chat.postEphemeral", requestId, () -> client.chatPostEphemeral(r -> r
                .channel(to.channelId())
                .user(to.userId())
                .threadTs(to.threadTs())
                .text(m.fallback())
                .blocks(m.blocks())));
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

    private boolean upload(MethodsClient client, Destination to, Outbound.Chart chart, String requestId) {
        return call("files.uploadV2", requestId, () -> client.filesUploadV2(r -> r
                .channel(to.channelId())
                .threadTs(to.threadTs())
                .fileData(chart.png())
                .filename(chart.fileName())
                .title(clip(chart.altText(), 250))
                .altTxt(clip(chart.altText(), 1000)))) != null;
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

    /** Calls and logs a failure; null when the call did not succeed. */
    private <T extends SlackApiTextResponse> T call(String method, String requestId, ApiCall<T> call) {
        T response = callQuietly(method, requestId, call);
        if (response == null) {
            return null;
        }
        if (!response.isOk()) {
            LOG.warn("slack {} failed for request {}: {}{}", method, requestId, response.getError(),
                    slackRequestId(response));
            return null;
        }
        return response;
    }

    /** Calls with 429 handling; returns the response (ok or not), or null after an exception. */
    private <T extends SlackApiTextResponse> T callQuietly(String method, String requestId, ApiCall<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.call();
            } catch (SlackApiException e) {
                int status = e.getResponse().code();
                if (status == 429 && attempt < maxAttempts) {
                    Duration wait = retryAfter(e.getResponse().header("Retry-After"));
                    LOG.info("slack {} rate limited for request {}: retrying in {} s", method, requestId,
                            wait.toSeconds());
                    if (!pause(wait)) {
                        return null;
                    }
                    continue;
                }
                LOG.warn("slack {} failed for request {}: HTTP {} {}{}", method, requestId, status,
                        e.getError() == null ? "" : e.getError().getError(),
                        headerNote(e.getResponse().header("x-slack-req-id")));
                return null;
            } catch (IOException e) {
                if (attempt < maxAttempts) {
                    if (!pause(Duration.ofSeconds(attempt))) {
                        return null;
                    }
                    continue;
                }
                LOG.warn("slack {} failed for request {}: {}", method, requestId, e.toString());
                return null;
            } catch (RuntimeException e) {
                LOG.warn("slack {} failed for request {}: {}", method, requestId, e.toString());
                return null;
            }
        }
    }

    private boolean pause(Duration wait) {
        try {
            sleeper.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Retry-After in seconds; missing or odd values wait a second, huge ones are capped. */
    Duration retryAfter(String header) {
        long seconds = 1;
        if (header != null) {
            try {
                seconds = Math.max(1, Long.parseLong(header.trim()));
            } catch (NumberFormatException ignored) {
                seconds = 1;
            }
        }
        Duration wait = Duration.ofSeconds(seconds);
        return wait.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : wait;
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
