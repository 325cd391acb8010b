package ai.pace42.server.garmin.partner;

import ai.pace42.bot.error.ErrorCode;
import ai.pace42.garmin.Result;
import ai.pace42.garmin.partner.PartnerNotifications;
import ai.pace42.server.errors.ErrorBody;
import ai.pace42.server.http.BodyTooLargeException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Developer Program's delivery endpoints (register them in Garmin's Endpoint Configuration Tool):
 * {@code POST /garmin/partner/<path secret>/ping} (callback URLs to fetch) and {@code …/push} (summaries inline).
 * Both answer at once: 200 once what pace42 will file is stored in the database, 400 for a body that is not a
 * notification, 403 without the configured {@code garmin-client-id}, 404 for a wrong path secret (the body is
 * not read), 413 above the size limit, 503 when the stored queue is full (Garmin retries). Never 500 for what
 * Garmin sends.
 */
@Path("/garmin/partner/{secret}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public final class PartnerNotificationResource {

    /** A ping lists callback URLs only; a push carries summaries (activity details with samples are larger). */
    static final int MAX_PING_BYTES = 1024 * 1024;
    static final int MAX_PUSH_BYTES = 16 * 1024 * 1024;

    private final PathSecret pathSecret;
    private final String clientId;
    private final PartnerNotifications parser;
    private final PartnerDeliveries deliveries;

    public PartnerNotificationResource(PathSecret pathSecret, String clientId, PartnerNotifications parser,
                                       PartnerDeliveries deliveries) {
        this.pathSecret = pathSecret;
        this.clientId = clientId;
        this.parser = parser;
        this.deliveries = deliveries;
    }

    @POST
    @Path("ping")
    public Response ping(@PathParam("secret") String secret, @HeaderParam("garmin-client-id") String caller,
                         InputStream body) {
        return receive(secret, caller, body, MAX_PING_BYTES, parser::parsePing, deliveries::acceptPings);
    }

    @POST
    @Path("push")
    public Response push(@PathParam("secret") String secret, @HeaderParam("garmin-client-id") String caller,
                         InputStream body) {
        return receive(secret, caller, body, MAX_PUSH_BYTES, parser::parsePush, deliveries::acceptPushes);
    }

    private <T> Response receive(String secret, String caller, InputStream body, int limit,
                                 Function<String, Result<List<T>>> parse, Function<List<T>, Boolean> accept) {
        if (!pathSecret.matches(secret)) {
            return ErrorBody.response(ErrorCode.NOT_FOUND); // the same answer as any unknown path
        }
        if (!fromOurClient(caller)) {
            return ErrorBody.response(ErrorCode.FORBIDDEN, "Unknown or missing garmin-client-id.");
        }
        Optional<String> text;
        try {
            text = BoundedBody.read(body, limit);
        } catch (BodyTooLargeException e) {
            return ErrorBody.response(ErrorCode.PAYLOAD_TOO_LARGE, e.userMessage());
        } catch (IOException e) {
            return ErrorBody.response(ErrorCode.VALIDATION_ERROR, "The notification body could not be read.");
        }
        if (text.isEmpty()) {
            return ErrorBody.response(ErrorCode.PAYLOAD_TOO_LARGE,
                    "The notification is larger than " + limit / 1024 + " KB.");
        }
        Result<List<T>> items = parse.apply(text.get());
        if (!items.isOk()) {
            return ErrorBody.response(ErrorCode.VALIDATION_ERROR, "The body is not a Garmin notification.");
        }
        if (!accept.apply(items.value())) {
            return ErrorBody.response(ErrorCode.SERVICE_UNAVAILABLE, "Busy; please deliver again later.");
        }
        return Response.ok("{}", MediaType.APPLICATION_JSON_TYPE).build();
    }

    private boolean fromOurClient(String caller) {
        return caller != null && MessageDigest.isEqual(caller.trim().getBytes(StandardCharsets.UTF_8),
                clientId.getBytes(StandardCharsets.UTF_8));
    }
}
