package ai.pace42.server.web;

import ai.pace42.bot.channel.PlatformIdentity;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The browser chat's memory and push: {@code GET /api/v1/chat/history} is the kept conversation (shown after a
 * reload); {@code GET /api/v1/chat/notices?after=N} is a long poll that answers as soon as the core sends this
 * browser a notice after N (e.g. "Garmin connected"), or with nothing after {@value #WAIT_SECONDS} seconds.
 */
@Path("/api/v1/chat")
@Produces(MediaType.APPLICATION_JSON)
public final class ChatHistoryResource {

    static final int WAIT_SECONDS = 25;

    /** The kept messages, oldest first; {@code seq} orders them. */
    public record Messages(List<WebHistory.Entry> messages) {
    }

    private final WebChannel channel;
    private final WebIdentity identities;

    public ChatHistoryResource(WebChannel channel, WebIdentity identities) {
        this.channel = channel;
        this.identities = identities;
    }

    @GET
    @Path("history")
    public Messages history(@CookieParam(WebIdentity.COOKIE) Cookie cookie) {
        return new Messages(identities.identify(cookie).map(who -> channel.history().after(who, 0)).orElse(List.of()));
    }

    @GET
    @Path("notices")
    public void notices(@QueryParam("after") @DefaultValue("0") long after,
                        @CookieParam(WebIdentity.COOKIE) Cookie cookie, @Suspended AsyncResponse async) {
        Optional<PlatformIdentity> known = identities.identify(cookie);
        if (known.isEmpty()) {
            async.resume(new Messages(List.of()));
            return;
        }
        PlatformIdentity who = known.get();
        // Registered before looking, so a notice arriving in between is not missed.
        Runnable cancel = channel.onNextNotice(who, () -> async.resume(notices(who, after)));
        Messages now = notices(who, after);
        if (!now.messages().isEmpty()) {
            cancel.run();
            async.resume(now);
            return;
        }
        async.setTimeout(WAIT_SECONDS, TimeUnit.SECONDS);
        async.setTimeoutHandler(r -> {
            cancel.run();
            r.resume(Response.ok(new Messages(List.of())).build());
        });
    }

    private Messages notices(PlatformIdentity who, long after) {
        return new Messages(channel.history().after(who, after).stream()
                .filter(e -> WebChannel.NOTICE.equals(e.author())).toList());
    }
}
