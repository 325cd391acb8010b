package ai.pace42.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.model.File;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The connection to Bolt: which events and commands pace42 listens to, each copied into the mapper's plain fields
 * and acknowledged at once; the work happens later on the adapter's threads.
 */
final class SlackEvents {

    private SlackEvents() {
    }

    static void register(App app, SlackAdapter adapter) {
        app.event(MessageEvent.class, (req, ctx) -> {
            MessageEvent e = req.getEvent();
            adapter.onMessage(req, ctx, new InboundMapper.Message(req.getEventId(), req.getEnterpriseId(),
                    teamOf(req, ctx), e.getUser(), e.getBotId(), e.getSubtype(), e.getChannel(), e.getChannelType(),
                    e.getText(), e.getTs(), e.getThreadTs(), files(e.getFiles()), false));
            return ctx.ack();
        });
        app.event(MessageFileShareEvent.class, (req, ctx) -> {
            MessageFileShareEvent e = req.getEvent();
            adapter.onMessage(req, ctx, new InboundMapper.Message(req.getEventId(), req.getEnterpriseId(),
                    teamOf(req, ctx), e.getUser(), null, null, e.getChannel(), e.getChannelType(), e.getText(),
                    e.getTs(), e.getThreadTs(), files(e.getFiles()), false));
            return ctx.ack();
        });
        app.event(AppMentionEvent.class, (req, ctx) -> {
            AppMentionEvent e = req.getEvent();
            adapter.onMessage(req, ctx, new InboundMapper.Message(req.getEventId(), req.getEnterpriseId(),
                    teamOf(req, ctx), e.getUser(), e.getBotId(), e.getSubtype(), e.getChannel(), "channel",
                    e.getText(), e.getTs(), e.getThreadTs(), files(e.getFiles()), true));
            return ctx.ack();
        });
        app.event(AppHomeOpenedEvent.class, (req, ctx) -> {
            adapter.onHomeOpened(req, ctx, req.getEvent());
            return ctx.ack();
        });
        app.event(AppUninstalledEvent.class, (req, ctx) -> {
            adapter.onUninstalled(req, ctx, true);
            return ctx.ack();
        });
        app.event(TokensRevokedEvent.class, (req, ctx) -> {
            TokensRevokedEvent.Tokens tokens = req.getEvent().getTokens();
            if (tokens != null && tokens.getBot() != null && !tokens.getBot().isEmpty()) {
                adapter.onUninstalled(req, ctx, false);
            }
            return ctx.ack();
        });
        app.command(SlackSettings.COACH_COMMAND, adapter::onCommand);
        app.command(SlackSettings.ADMIN_COMMAND, adapter::onCommand);
        // Link buttons open their URL in the browser; Slack still reports the click, which only needs an ack.
        app.blockAction(Pattern.compile("pace42-link-.*"), (req, ctx) -> ctx.ack());
        app.blockAction(HomeTab.LINK_ACTION, adapter::onHomeLinkClick);
    }

    static String teamOf(EventsApiPayload<?> req, EventContext ctx) {
        return req.getTeamId() != null ? req.getTeamId() : ctx.getTeamId();
    }

    private static List<InboundMapper.SharedFile> files(List<File> files) {
        List<InboundMapper.SharedFile> out = new ArrayList<>();
        if (files != null) {
            for (File f : files) {
                out.add(new InboundMapper.SharedFile(f.getId(), f.getName(), f.getMimetype(),
                        f.getSize() == null ? -1 : f.getSize()));
            }
        }
        return out;
    }
}
