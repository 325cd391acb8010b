package ai.pace42.slack;

import ai.pace42.bot.channel.ChannelHealth.Status;
import com.slack.api.Slack;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.response.auth.AuthTestResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether Slack messages can arrive: the Socket Mode connection, or in HTTP mode whether every installed
 * workspace's token still passes {@code auth.test}.
 */
final class SlackHealth {

    private final SlackSettings settings;
    private final SlackInstallations installations;
    private final Slack slack;

    SlackHealth(SlackSettings settings, SlackInstallations installations, Slack slack) {
        this.settings = settings;
        this.installations = installations;
        this.slack = slack;
    }

    Status check(boolean started, String lastError, SocketModeApp socket) {
        if (!started) {
            return new Status(false, lastError);
        }
        if (settings.mode() == SlackSettings.Mode.SOCKET) {
            boolean connected = socket != null && !socket.isClientStopped() && socket.getClient().verifyConnection();
            return connected ? new Status(true, "socket mode connected")
                    : new Status(false, "socket mode not connected");
        }
        if (!settings.oauth()) {
            String problem = authTest(settings.botToken());
            return problem == null ? new Status(true, "http mode; auth.test ok")
                    : new Status(false, "http mode; auth.test: " + problem);
        }
        List<SlackInstallations.Workspace> workspaces = installations.workspaces();
        List<String> failing = new ArrayList<>();
        for (SlackInstallations.Workspace w : workspaces) {
            Optional<String> token = installations.botToken(w.enterpriseId(), w.teamId());
            String problem = token.isEmpty() ? "token missing" : authTest(token.get());
            if (problem != null) {
                failing.add(w.teamId() + ": " + problem);
            }
        }
        if (failing.isEmpty()) {
            return new Status(true, "http mode; " + workspaces.size() + " workspace(s) installed, auth.test ok");
        }
        return new Status(false, "http mode; auth.test failed for " + String.join(", ", failing));
    }

    /** Null when the token works, else Slack's error code. */
    private String authTest(String token) {
        try {
            AuthTestResponse response = slack.methods(token).authTest(r -> r);
            return response.isOk() ? null : response.getError();
        } catch (com.slack.api.methods.SlackApiException e) {
            return "HTTP " + e.getResponse().code();
        } catch (IOException | RuntimeException e) {
            return e.getClass().getSimpleName();
        }
    }
}
