package ai.pace42.server.web;

import ai.pace42.bot.account.AccountService;
import ai.pace42.bot.channel.ConversationRef;
import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.channel.SharedLocation;
import ai.pace42.bot.conversation.CommandRegistry;
import ai.pace42.bot.error.ErrorCode;
import ai.pace42.server.errors.ErrorBody;
import ai.pace42.server.http.RequestIds;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /api/v1/chat}: the browser chat. Input is checked before anything is stored, so a rejected
 * request leaves no trace. The HTTP thread is released while the coach works.
 */
@Path("/api/v1/chat")
public final class ChatApiResource {

    public static final int MAX_MESSAGE_CHARS = 4000;
    /** The runner's own bubble for a shared location: never the coordinates, which the history would keep. */
    static final String SHARED_LOCATION = "📍 My location";

    private final WebConversation conversation;
    private final WebIdentity identities;
    private final AccountService accounts;

    public ChatApiResource(WebChannel channel, WebIdentity identities, AccountService accounts,
                           int replyTimeoutSeconds) {
        this.conversation = new WebConversation(channel, identities, replyTimeoutSeconds);
        this.identities = identities;
        this.accounts = accounts;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public void chat(ChatRequest request, @CookieParam(WebIdentity.COOKIE) Cookie cookie,
                     @Suspended AsyncResponse async) {
        String requestId = RequestIds.current();
        Optional<Response> invalid = validate(request);
        if (invalid.isPresent()) {
            async.resume(invalid.get());
            return;
        }
        WebConversation.Visitor visitor = conversation.visitor(cookie);
        PlatformIdentity who = visitor.who();
        ChatRequest.Coordinates at = request.location();
        String message = at == null ? request.message() : "";
        Inbound inbound = new Inbound(who, ConversationRef.direct(who), message, List.of(), true,
                Instant.now(), requestId, "", requestId, request.timeZone());
        if (at != null) {
            inbound = inbound.withLocation(new SharedLocation(at.latitude(), at.longitude(), "", false));
        }
        conversation.answer(visitor, inbound, List.of(ChatResponse.said(at == null ? message : SHARED_LOCATION)),
                async, reply -> loggedOut(message, who) ? identities.expired() : null);
    }

    /** After /logout the core forgot this identity (or kept it, when it was the account's only way in). */
    private boolean loggedOut(String message, PlatformIdentity who) {
        String text = message.strip();
        return text.startsWith("/") && CommandRegistry.parse(text).name().equals("logout")
                && accounts.find(who).isEmpty();
    }

    private static Optional<Response> validate(ChatRequest request) {
        if (request != null && request.location() != null) {
            ChatRequest.Coordinates at = request.location();
            return at.latitude() != null && at.longitude() != null && SharedLocation.valid(at.latitude(), at.longitude())
                    ? Optional.empty()
                    : Optional.of(ErrorBody.response(ErrorCode.VALIDATION_ERROR,
                    "A location needs a latitude from -90 to 90 and a longitude from -180 to 180."));
        }
        if (request == null || request.message() == null) {
            return Optional.of(ErrorBody.response(ErrorCode.VALIDATION_ERROR,
                    "Send a JSON body like {\"message\": \"Analyze my last run\"}."));
        }
        if (request.message().isBlank()) {
            return Optional.of(ErrorBody.response(ErrorCode.VALIDATION_ERROR, "The message is empty."));
        }
        if (request.message().length() > MAX_MESSAGE_CHARS) {
            return Optional.of(ErrorBody.response(ErrorCode.PAYLOAD_TOO_LARGE,
                    "Messages can be at most " + MAX_MESSAGE_CHARS + " characters."));
        }
        return Optional.empty();
    }
}
