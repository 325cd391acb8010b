package ai.pace42.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /discord/interactions}: Discord's HTTP interactions endpoint. Every request is verified (Ed25519
 * over timestamp and raw body) before its JSON is read, and refused with 401 when the signature is wrong or the
 * timestamp is stale (a replayed request). PING gets PONG; a slash command gets a deferred response (type 5) at
 * once, and the adapter completes it through the webhook follow-up API.
 */
@Path("/discord/interactions")
public final class DiscordInteractionsResource {

    static final String SIGNATURE = "X-Signature-Ed25519";
    static final String TIMESTAMP = "X-Signature-Timestamp";
    /** Interactions are a few kilobytes. */
    static final int MAX_BODY_BYTES = 256 * 1024;
    /** Older (or further in the future) than this, a signed request is treated as a replay. */
    static final Duration MAX_SKEW = Duration.ofMinutes(5);
    private static final int PONG = 1;
    private static final int DEFERRED_CHANNEL_MESSAGE = 5;
    private static final Logger LOG = LoggerFactory.getLogger(DiscordInteractionsResource.class);

    /** Where verified slash commands go; false means not taken (already handled, or stopping). */
    @FunctionalInterface
    interface InteractionSink {
        boolean accept(SlashInvocation invocation, Acknowledger ack);
    }

    private final Ed25519Verifier verifier;
    private final Clock clock;
    private final ObjectMapper json;
    private final InteractionSink sink;

    DiscordInteractionsResource(Ed25519Verifier verifier, Clock clock, ObjectMapper json, InteractionSink sink) {
        this.verifier = verifier;
        this.clock = clock;
        this.json = json;
        this.sink = sink;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@HeaderParam(SIGNATURE) String signature, @HeaderParam(TIMESTAMP) String timestamp,
                            InputStream body) {
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : body.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            return Response.status(Response.Status.BAD_REQUEST).build();
        }
        if (bytes.length > MAX_BODY_BYTES) {
            return Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE).build();
        }
        if (!verifier.verify(signature, timestamp, bytes)) {
            // Discord sends bad signatures on purpose to check we refuse them: routine, not an alarm.
            LOG.info("discord interaction refused: {} signature", signature == null ? "missing" : "invalid");
            return unauthorized();
        }
        if (stale(timestamp)) {
            LOG.warn("discord interaction refused: timestamp {} outside {}", timestamp, MAX_SKEW);
            return unauthorized();
        }
        JsonNode interaction;
        try {
            interaction = json.readTree(bytes);
        } catch (IOException e) {
            return Response.status(Response.Status.BAD_REQUEST).build();
        }
        int type = interaction == null ? 0 : interaction.path("type").asInt();
        if (type == InteractionJson.PING) {
            return Response.ok(json.createObjectNode().put("type", PONG).toString()).build();
        }
        if (type != InteractionJson.APPLICATION_COMMAND) {
            LOG.info("discord interaction type {} not handled", type);
            return Response.status(Response.Status.BAD_REQUEST).build();
        }
        SlashInvocation invocation;
        try {
            invocation = InteractionJson.toInvocation(interaction);
        } catch (IllegalArgumentException e) {
            LOG.warn("discord interaction unreadable: {}", e.getMessage());
            return Response.status(Response.Status.BAD_REQUEST).build();
        }
        // The deferral is this very response, so the "acknowledgement" only records its visibility.
        AtomicReference<Boolean> ephemeral = new AtomicReference<>();
        boolean accepted = sink.accept(invocation, e -> {
            ephemeral.set(e);
            return CompletableFuture.completedFuture(null);
        });
        if (!accepted || ephemeral.get() == null) {
            return Response.status(Response.Status.CONFLICT).build();
        }
        ObjectNode deferred = json.createObjectNode().put("type", DEFERRED_CHANNEL_MESSAGE);
        if (ephemeral.get()) {
            deferred.putObject("data").put("flags", MessageJson.EPHEMERAL);
        }
        return Response.ok(deferred.toString()).build();
    }

    private boolean stale(String timestamp) {
        try {
            Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp.strip()));
            return Duration.between(sent, clock.instant()).abs().compareTo(MAX_SKEW) > 0;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static Response unauthorized() {
        return Response.status(Response.Status.UNAUTHORIZED).entity("{\"error\":\"invalid request signature\"}")
                .type(MediaType.APPLICATION_JSON).build();
    }
}
