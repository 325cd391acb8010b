package ai.pace42.slack;

import ai.pace42.bot.channel.ChannelPipeline;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import com.slack.api.Slack;
import com.slack.api.model.view.View;
import java.io.IOException;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The App Home tab: the core's read-only account view, laid out by {@link HomeTab} and published. */
final class SlackHome {

    private static final Logger LOG = LoggerFactory.getLogger(SlackHome.class);
    private static final Duration HOME_WAIT = Duration.ofSeconds(20);

    private final Slack slack;
    private final Executor sendThreads;

    SlackHome(Slack slack, Executor sendThreads) {
        this.slack = slack;
        this.sendThreads = sendThreads;
    }

    /** Asks the core for the read-only account view and publishes it; never blocks a thread waiting. */
    CompletableFuture<Void> publish(ChannelPipeline pipeline, String token, String teamId, String userId, String channelId,
                                     String requestId) {
        PlatformIdentity who = new PlatformIdentity(Platform.SLACK, teamId, userId);
        return pipeline.overview(who)
                .orTimeout(HOME_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                .thenAcceptAsync(view -> publish(token, userId, HomeTab.view(view, channelId), requestId), sendThreads)
                .exceptionally(error -> {
                    LOG.warn("slack home tab for request {} not published: {}", requestId, error.toString());
                    return null;
                });
    }

    private void publish(String token, String userId, View view, String requestId) {
        try {
            var response = slack.methods(token).viewsPublish(r -> r.userId(userId).view(view));
            if (!response.isOk()) {
                LOG.warn("slack views.publish failed for request {}: {}", requestId, response.getError());
            }
        } catch (IOException | com.slack.api.methods.SlackApiException | RuntimeException e) {
            LOG.warn("slack views.publish failed for request {}: {}", requestId, e.toString());
        }
    }

    /** The Home tab's Connect button as the {@code /link} message it stands for, sent from the runner's DM. */
    static Optional<InboundMapper.Message> linkRequest(BlockActionRequest req, ActionContext ctx) {
        var payload = req.getPayload();
        String dmChannel = payload.getActions() == null || payload.getActions().isEmpty()
                ? null : payload.getActions().get(0).getValue();
        String team = payload.getTeam() == null ? ctx.getTeamId() : payload.getTeam().getId();
        String user = payload.getUser() == null ? null : payload.getUser().getId();
        if (dmChannel == null || !dmChannel.startsWith("D") || user == null) {
            return Optional.empty();
        }
        return Optional.of(new InboundMapper.Message("home-" + payload.getTriggerId(), ctx.getEnterpriseId(), team,
                user, null, null, dmChannel, "im", "/link", null, null, List.of(), false));
    }
}
