package ai.pace42.server.garmin.partner;

import ai.pace42.bot.error.ErrorCode;
import ai.pace42.garmin.Result;
import ai.pace42.garmin.partner.PartnerNotifications;
import ai.pace42.server.errors.ErrorBody;
import ai.pace42.server.http.RequestIds;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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
 * {@code POST /garmin/partner/ping} (callback URLs to fetch) and {@code POST /garmin/partner/push} (summaries
 * inline). Both answer at once: 200 when the delivery is accepted for processing, 400 for a body that is not a
 * notification, 403 without the configured {@code garmin-client-id}, 413 above the size limit, 503 when the work
 * queue is full (Garmin retries). Never 500 for what Garmin sends.
 */
@Path("/garmin/partner")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public final class PartnerNotificationResource {

    /** A ping lists callback URLs only; a push carries summaries (activity details with samples are larger). */
    static final int MAX_PING_BYTES = 1024 * 1024;
    static final int MAX_PUSH_BYTES = 16 * 1024 * 1024;

    private final String clientId;
    private final PartnerNotifications parser;
    private final PartnerDeliveries deliveries;

    public PartnerNotificationResource(String clientId, PartnerNotifications parser, PartnerDeliveries deliveries) {
        this.clientId = clientId;
        this.parser = parser;
        this.deliveries = deliveries;
    }

    @POST
    @Path("ping")
    public Response ping(@HeaderParam("garmin-client-id") String caller, InputStream body) {
        return receive(caller, body, MAX_PING_BYTES, parser::parsePing,
                pings -> deliveries.acceptPings(pings, RequestIds.current()));
    }

    @POST
    @Path("push")
    public Response push(@HeaderParam("garmin-client-id") String caller, InputStream body) {
        return receive(caller, body, MAX_PUSH_BYTES, parser::parsePush,
                pushes -> deliveries.acceptPushes(pushes, RequestIds.current()));
    }

    private <T> Response receive(String caller, InputStream body, int limit, Function<String, Result<List<T>>> parse,
                                 Function<List<T>, Boolean> accept) {
        if (!fromOurClient(caller)) {
            return ErrorBody.response(ErrorCode.FORBIDDEN, "Unknown or missing garmin-client-id.");
        }
        Optional<String> text;
        try {
            text = BoundedBody.read(body, limit);
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
