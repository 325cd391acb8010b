package ai.pace42.server.garmin;

import ai.pace42.bot.linking.PendingLink;
import ai.pace42.garmin.auth.FlowState;
import ai.pace42.garmin.auth.GarminLinking;
import ai.pace42.garmin.normalise.PayloadReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ai.pace42.garmin.auth.InMemoryTokenStore;
import ai.pace42.garmin.auth.LinkOutcome;
import ai.pace42.garmin.auth.LinkStep;
import ai.pace42.server.link.RedirectLinkMethod;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The official Garmin Connect Developer Program link (OAuth 2.0 with PKCE): the runner approves pace42 on
 * Garmin's own site and never gives us a password. Garmin's approval waits in the shared flow state (sealed),
 * keyed by the one-time link, until the runner confirms it on our page, on whichever instance; the confirmation
 * is what uses the link up.
 */
final class OfficialOAuthMethod extends GarminFlowMethod implements RedirectLinkMethod {

    static final String ID = "oauth";
    /** How long an approval waits for the runner's confirmation (never longer than the link itself). */
    static final Duration APPROVAL_TTL = Duration.ofMinutes(10);

    static final String KIND = "oauth-approval";

    private final String redirectUri;
    private final Clock clock;
    private final FlowState approvals;

    OfficialOAuthMethod(GarminLinking flows, InMemoryTokenStore staged, URI publicUrl, Clock clock,
                        FlowState approvals) {
        super(flows, staged);
        this.redirectUri = publicUrl.toString().replaceAll("/+$", "") + RedirectLinkMethod.callbackPath(ID);
        this.clock = clock;
        this.approvals = approvals;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Connect with Garmin";
    }

    @Override
    public String description() {
        return "Recommended. Approve pace42 on Garmin's own page; you never type your password here.";
    }

    @Override
    public String startLabel() {
        return "Continue to Garmin";
    }

    @Override
    public List<Field> fields() {
        return List.of();
    }

    @Override
    public Outcome start(PendingLink link) {
        LinkOutcome outcome = flows().link(link.accountId(), new LinkStep.StartOAuth(redirectUri));
        if (outcome instanceof LinkOutcome.Redirect redirect) {
            return new Outcome.Redirect(redirect.authorizationUrl());
        }
        if (outcome instanceof LinkOutcome.Refused refused) {
            return new Outcome.Failed(refused.problem().friendly());
        }
        return new Outcome.Failed("Connecting through Garmin is not available right now.");
    }

    @Override
    public Outcome callback(PendingLink link, Map<String, String> query) {
        String error = query.getOrDefault("error", "");
        if (!error.isBlank()) {
            // Garmin sends error=access_denied when the runner chose not to approve.
            return new Outcome.Failed("Garmin did not approve the connection, so nothing was connected. "
                    + "You can try again below.");
        }
        Outcome outcome = run(link.accountId(),
                new LinkStep.OAuthCallback(query.get("state"), query.getOrDefault("code", "")));
        if (!(outcome instanceof Outcome.Linked approved)) {
            return outcome;
        }
        Instant expires = min(link.expiresAt(), clock.instant().plus(APPROVAL_TTL));
        ObjectNode value = PayloadReader.mapper().createObjectNode().put("garminName", approved.garminDisplayName())
                .put("secretJson", approved.secretJson());
        if (!approvals.put(KIND, link.tokenHash(), new FlowState.Entry(link.accountId(), value.toString(), expires))) {
            return new Outcome.Failed("pace42 is handling too many connections right now. Please try again in a "
                    + "few minutes.");
        }
        return new Outcome.NeedsMore("Garmin approved pace42 for " + approved.garminDisplayName()
                + ". Connect it to " + link.identityLabel() + "?", List.of(), Map.of("confirm", "yes"));
    }

    /** The confirmation POST: hands over Garmin's approval for this link, once. */
    @Override
    public Outcome complete(PendingLink link, Map<String, String> form) {
        Optional<FlowState.Entry> approval = approvals.take(KIND, link.tokenHash())
                .filter(a -> a.accountId().equals(link.accountId()));
        if (approval.isEmpty()) {
            return new Outcome.Failed("Garmin's approval has expired or was already used. "
                    + "Choose \u201c" + startLabel() + "\u201d to start again.");
        }
        JsonNode value = PayloadReader.read(approval.get().value()).value();
        return new Outcome.Linked(value.path("garminName").asText(), value.path("secretJson").asText());
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
