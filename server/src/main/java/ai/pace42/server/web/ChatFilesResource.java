package ai.pace42.server.web;

import ai.pace42.bot.channel.ActivityFiles;
import ai.pace42.bot.channel.Attachment;
import ai.pace42.bot.channel.ChannelTexts;
import ai.pace42.bot.channel.ConversationRef;
import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.error.ErrorCode;
import ai.pace42.server.errors.ErrorBody;
import ai.pace42.server.http.RequestIds;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

/**
 * {@code POST /api/v1/chat/files?name=run.gpx}: an activity file from the browser chat, the raw bytes as the body
 * (the body limit for this path is the core's file limit). The file goes to the core like a file sent on any other
 * platform, so the same rules and the same coach answer it.
 */
@Path("/api/v1/chat/files")
public final class ChatFilesResource {

    static final int MAX_NAME_CHARS = 200;

    private final WebConversation conversation;

    public ChatFilesResource(WebChannel channel, WebIdentity identities, int replyTimeoutSeconds) {
        this.conversation = new WebConversation(channel, identities, replyTimeoutSeconds);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public void upload(@QueryParam("name") String name, @HeaderParam("X-Time-Zone") String timeZone,
                       @CookieParam(WebIdentity.COOKIE) Cookie cookie, InputStream body,
                       @Suspended AsyncResponse async) throws IOException {
        String requestId = RequestIds.current();
        if (name == null || name.isBlank() || name.length() > MAX_NAME_CHARS) {
            async.resume(ErrorBody.response(ErrorCode.VALIDATION_ERROR,
                    "Send the file's name as ?name=, e.g. ?name=morning.fit (at most " + MAX_NAME_CHARS
                            + " characters)."));
            return;
        }
        String fileName = name.strip();
        byte[] bytes;
        try {
            bytes = ActivityFiles.readAtMost(body, ChannelTexts.MAX_FILE_BYTES);
        } catch (ActivityFiles.TooLarge e) {
            async.resume(ErrorBody.response(ErrorCode.PAYLOAD_TOO_LARGE, ChannelTexts.FILE_TOO_BIG));
            return;
        }
        WebConversation.Visitor visitor = conversation.visitor(cookie);
        PlatformIdentity who = visitor.who();
        Attachment file = new Attachment(fileName, ActivityFiles.mediaType(fileName, null), bytes.length,
                "upload-" + requestId, Attachment.Content.of(bytes));
        Inbound inbound = new Inbound(who, ConversationRef.direct(who), "", List.of(file), true, Instant.now(),
                requestId, "", requestId, timeZone);
        conversation.answer(visitor, inbound, List.of(ChatResponse.uploaded(fileName)), async, reply -> null);
    }
}
