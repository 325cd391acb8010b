package ai.pace42.garmin.auth;

import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.api.GarminHttp;

import java.util.List;

/**
 * The link page's single entry point: routes each {@link LinkStep} to the flow that handles it. Never throws;
 * anything unexpected becomes a refusal with a typed reason.
 */
public final class GarminLinking implements GarminAuth {

    private final List<GarminAuth> flows;

    public GarminLinking(List<GarminAuth> flows) {
        this.flows = List.copyOf(flows);
    }

    /** All three flows on one HTTP channel and token store, their pending state in this process. */
    public static GarminLinking standard(GarminHttp http, GarminTokenStore store) {
        return standard(http, store, new InMemoryFlowState(http.clock()));
    }

    /** All three flows, their pending state (OAuth state, MFA sign-ins) where every instance can finish it. */
    public static GarminLinking standard(GarminHttp http, GarminTokenStore store, FlowState state) {
        return new GarminLinking(List.of(new OfficialOAuthLink(http, store, state),
                new MobileSignInLink(http, store, state), new TokenImportLink(http, store)));
    }

    @Override
    public boolean handles(LinkStep step) {
        return flows.stream().anyMatch(f -> f.handles(step));
    }

    @Override
    public LinkOutcome link(String accountId, LinkStep step) {
        if (accountId == null || accountId.isBlank() || step == null) {
            return LinkVerifier.refused(GarminProblemCode.GARMIN_AUTH_FAILED, "no account or step");
        }
        for (GarminAuth f : flows) {
            if (f.handles(step)) {
                try {
                    return f.link(accountId, step);
                } catch (RuntimeException e) {
                    return LinkVerifier.refused(GarminProblemCode.GARMIN_UNAVAILABLE,
                            "link flow failed: " + e.getClass().getSimpleName());
                }
            }
        }
        return LinkVerifier.refused(GarminProblemCode.GARMIN_NOT_CONFIGURED, "no flow for " + step.getClass());
    }
}
