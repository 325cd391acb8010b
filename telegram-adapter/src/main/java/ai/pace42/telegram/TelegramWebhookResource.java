package ai.pace42.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import java.io.IOException;
import java.io.InputStream;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * {@code POST /telegram/webhook}: Telegram delivers updates here in webhook mode. The secret header is checked
 * in constant time before the body is even parsed; the update is handed to the adapter, which answers
 * asynchronously, so Telegram gets its 200 at once.
 */
@Path("/telegram/webhook")
public final class TelegramWebhookResource {

    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    /** Updates are a few kilobytes; a long message with entities stays far below this. */
    static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(TelegramWebhookResource.class);

    private final WebhookSecret secret;
    private final ObjectMapper json;
    private final UpdateSink sink;

    /** Where verified updates go; {@code false} means "not now" (stopping), and Telegram will redeliver. */
    @FunctionalInterface
    interface UpdateSink {
        boolean accept(Update update);
    }

    TelegramWebhookResource(String secret, ObjectMapper json, UpdateSink sink) {
        this.secret = new WebhookSecret(secret);
        this.json = json;
        this.sink = sink;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response receive(@HeaderParam(SECRET_HEADER) String presented, InputStream body) {
        if (!secret.matches(presented)) {
            LOG.warn("telegram webhook call refused: {} secret header", presented == null ? "missing" : "wrong");
            return Response.status(Response.Status.UNAUTHORIZED).build();
        }
        Update update;
        try {
            // Read only after the secret matched, and never more than an update can be.
            byte[] bytes = body == null ? new byte[0] : body.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                return Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE).build();
            }
            update = json.readValue(bytes, Update.class);
        } catch (JsonProcessingException e) {
            LOG.warn("telegram webhook body is not an update: {}", e.getOriginalMessage());
            return Response.status(Response.Status.BAD_REQUEST).build();
        } catch (IOException e) {
            return Response.status(Response.Status.BAD_REQUEST).build();
        }
        if (update == null) {
            return Response.status(Response.Status.BAD_REQUEST).build();
        }
        return sink.accept(update) ? Response.ok().build()
                : Response.status(Response.Status.SERVICE_UNAVAILABLE).build();
    }
}
