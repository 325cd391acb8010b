package ai.pace42.discord;

import java.util.concurrent.CompletableFuture;

/**
 * Acknowledges an interaction within Discord's 3 seconds with a deferred response ("pace42 is thinking…"). The
 * gateway path sends it through JDA; the HTTP endpoint answers it in the response to Discord's own request.
 */
@FunctionalInterface
interface Acknowledger {

    /** Completes when the acknowledgement is on its way; follow-ups wait for it. */
    CompletableFuture<Void> defer(boolean ephemeral);
}
