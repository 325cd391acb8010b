package ai.pace42.server.web;

import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.channel.Reply;
import ai.pace42.bot.error.ErrorCode;
import ai.pace42.server.errors.ErrorBody;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * What every browser chat request does around the core: recognise the browser (or give it a new identity
 * cookie), hand the message to the {@link WebChannel}, release the HTTP thread while the coach works and answer
 * with the reply, or with a BUSY error when it takes too long.
 */
final class WebConversation {

    private final WebChannel channel;
    private final WebIdentity identities;
    private final int replyTimeoutSeconds;

    WebConversation(WebChannel channel, WebIdentity identities, int replyTimeoutSeconds) {
        this.channel = channel;
        this.identities = identities;
        this.replyTimeoutSeconds = replyTimeoutSeconds;
    }

    /** A browser: known by its cookie, or new with the secret its cookie will carry. */
    record Visitor(PlatformIdentity who, String newSecret) {
    }

    Visitor visitor(Cookie cookie) {
        Optional<PlatformIdentity> known = identities.identify(cookie);
        String newSecret = known.isPresent() ? null : identities.newSecret();
        return new Visitor(known.orElseGet(() -> WebIdentity.identityOf(newSecret)), newSecret);
    }

    /**
     * @param cookieAfter a cookie to set once the reply is known (e.g. the expired one after /logout), or null
     */
    void answer(Visitor visitor, Inbound inbound, List<ChatResponse.PartJson> asShown, AsyncResponse async,
                Function<Reply, NewCookie> cookieAfter) {
        String requestId = inbound.requestId();
        async.setTimeout(replyTimeoutSeconds, TimeUnit.SECONDS);
        async.setTimeoutHandler(r -> r.resume(ErrorBody.response(ErrorCode.BUSY,
                "The coach took too long to answer; please try again.", requestId)));
        // The core completes every message with a reply (a failure is a reply with its code and request id).
        channel.receive(inbound, asShown).thenAccept(reply -> {
            // Completed on a worker thread: the request id is passed explicitly, not read from the MDC.
            Response.ResponseBuilder ok = Response.ok(ChatResponse.of(requestId, reply),
                    MediaType.APPLICATION_JSON_TYPE);
            NewCookie after = cookieAfter.apply(reply);
            if (visitor.newSecret() != null) {
                ok.cookie(identities.cookie(visitor.newSecret()));
            } else if (after != null) {
                ok.cookie(after);
            }
            async.resume(ok.build());
        });
    }
}
