package ai.pace42.server.garmin;

import ai.pace42.garmin.auth.GarminIdentity;
import ai.pace42.garmin.auth.GarminLink;
import ai.pace42.garmin.auth.GarminLinking;
import ai.pace42.garmin.auth.InMemoryTokenStore;
import ai.pace42.garmin.auth.LinkOutcome;
import ai.pace42.garmin.auth.LinkStep;
import ai.pace42.server.link.LinkMethod;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A link-page method backed by one of the Garmin client's flows. The flows write verified tokens to an in-memory
 * staging store; this takes them from there and hands them to the page, which stores them for real only after
 * using its one-time link up, so a lost race or an expired link never leaves tokens behind.
 */
abstract class GarminFlowMethod implements LinkMethod {

    private final GarminLinking flows;
    private final InMemoryTokenStore staged;

    GarminFlowMethod(GarminLinking flows, InMemoryTokenStore staged) {
        this.flows = flows;
        this.staged = staged;
    }

    /** The Garmin client's flows, for methods with steps beyond {@link #run} (the official OAuth start). */
    protected GarminLinking flows() {
        return flows;
    }

    /** Runs one step for the link's account and turns Garmin's answer into the page's outcome. */
    protected Outcome run(String accountId, LinkStep step) {
        LinkOutcome outcome = flows.link(accountId, step);
        if (outcome instanceof LinkOutcome.Linked linked) {
            Optional<GarminLink> verified = staged.load(accountId);
            staged.delete(accountId);
            return verified
                    .<Outcome>map(link -> new Outcome.Linked(nameOf(linked.identity()), GarminLinkCodec.encode(link)))
                    .orElseGet(() -> new Outcome.Failed("Garmin answered, but the connection could not be "
                            + "completed. Please try again."));
        }
        if (outcome instanceof LinkOutcome.MfaRequired mfa) {
            return new Outcome.NeedsMore("Garmin sent a security code to " + mfa.sentTo()
                    + ". Enter it to finish connecting.",
                    List.of(new Field("code", "Security code", Field.Kind.TEXT, "")),
                    Map.of("pendingId", mfa.pendingId()));
        }
        if (outcome instanceof LinkOutcome.Refused refused) {
            return new Outcome.Failed(refused.problem().friendly());
        }
        return new Outcome.Failed("That way of connecting is not available on this server.");
    }

    private static String nameOf(GarminIdentity identity) {
        if (!identity.fullName().isBlank()) {
            return identity.fullName();
        }
        return identity.displayName().isBlank() ? "your Garmin account" : identity.displayName();
    }
}
