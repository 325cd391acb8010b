package ai.pace42.server.billing;

import ai.pace42.bot.error.ErrorCode;
import ai.pace42.bot.subscription.BillingWebhook;
import ai.pace42.server.errors.ErrorBody;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /billing/webhook}: the raw body and the {@code Pace42-Signature} header go to bot-core's
 * {@link BillingWebhook} untouched (the signature is over the exact bytes). Rejections are 400/401 with a code and
 * the request id; duplicates and out-of-order events are 200, so the provider stops retrying them.
 */
@Path("/billing/webhook")
public final class BillingWebhookResource {

    public static final String HEADER = "Pace42-Signature";
    private static final Logger LOG = LoggerFactory.getLogger(BillingWebhookResource.class);

    private final BillingWebhook webhook;

    public BillingWebhookResource(BillingWebhook webhook) {
        this.webhook = webhook;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@HeaderParam(HEADER) String signature, byte[] body) {
        BillingWebhook.Result r = webhook.handle(signature, body == null ? new byte[0] : body);
        // The outcome only: never the body, the header or the account.
        LOG.info("billing webhook: {}", r.outcome());
        if (r.rejected()) {
            return ErrorBody.response(ErrorCode.valueOf(r.code()), ErrorCode.valueOf(r.code()).defaultMessage());
        }
        return Response.ok(Map.of("received", true, "outcome", r.outcome().name()), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
