package ai.pace42.server;

import ai.pace42.bot.BotCore;
import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.testing.MutableClock;
import ai.pace42.bot.testing.RecordingAdapter;
import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The production application plus a recorded Telegram chat (so tests see the notices a chat gets) and a clock
 * the test can move.
 */
public class AppWithRecordedChat extends Pace42Application {

    public final MutableClock clock = new MutableClock(Instant.now());
    public final RecordingAdapter telegram = new RecordingAdapter(Platform.TELEGRAM);

    @Override
    protected Clock clock() {
        return clock;
    }

    @Override
    protected void addChannels(Environment environment, BotCore core) {
        core.adapters().register(telegram);
        telegram.start(core.dispatcher());
    }

    /** Sends a direct Telegram message as {@code name} and returns the reply the chat got. */
    public Reply say(PlatformIdentity from, String name, String text) {
        try {
            return telegram.receive(new Inbound(from, ai.pace42.bot.channel.ConversationRef.direct(from), text,
                    List.of(), true, Instant.now(), "", name, "req-" + Math.abs(text.hashCode()), ""))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("no reply to " + text, e);
        }
    }

    /** The link button's URL of a reply, pointed at the port the test server listens on. */
    public static String linkUrl(Reply reply, int port) {
        String url = reply.parts().stream().filter(p -> p instanceof Reply.Part.LinkButton)
                .map(p -> ((Reply.Part.LinkButton) p).url()).findFirst()
                .orElseThrow(() -> new AssertionError("no link button in " + reply.plainText()));
        return url.replace("http://localhost:8080", "http://localhost:" + port);
    }

    /** Text of every message this identity's chat received that starts with {@code prefix}. */
    public List<String> received(PlatformIdentity who, String prefix) {
        return telegram.sent().stream().filter(s -> s.where().userId().equals(who.userId()))
                .map(s -> s.reply().plainText()).filter(t -> t.startsWith(prefix)).toList();
    }
}
