package ai.pace42.server.garmin;

import ai.pace42.bot.data.LinkedSource;
import ai.pace42.bot.secrets.SecretStore;
import ai.pace42.coach.model.ActivitySource;
import ai.pace42.garmin.GarminConfig;
import ai.pace42.garmin.api.GarminHttp;
import ai.pace42.garmin.Result;
import ai.pace42.garmin.auth.GarminLink;
import ai.pace42.garmin.auth.GarminLinking;
import ai.pace42.garmin.auth.PartnerDeregistration;
import ai.pace42.garmin.auth.InMemoryTokenStore;
import ai.pace42.garmin.sync.GarminActivitySources;
import ai.pace42.garmin.sync.InMemoryActivityCache;
import ai.pace42.server.link.LinkMethod;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Garmin for the server: one HTTP channel (with the global rate limiter towards Garmin), tokens in the secret
 * store, the per-account activity sources the coach reads, and the link page's methods.
 */
public final class GarminWiring {

    private static final Logger LOG = LoggerFactory.getLogger(GarminWiring.class);

    private final GarminActivitySources sources;
    private final List<LinkMethod> linkMethods;
    private final PartnerDeregistration deregistration;

    private GarminWiring(GarminActivitySources sources, List<LinkMethod> linkMethods,
                         PartnerDeregistration deregistration) {
        this.sources = sources;
        this.linkMethods = linkMethods;
        this.deregistration = deregistration;
    }

    /** @param settings {@code GARMIN_*} settings; blank values fall back to Garmin's real hosts and defaults */
    public static GarminWiring create(Map<String, String> settings, SecretStore secrets, URI publicUrl, Clock clock) {
        Map<String, String> nonBlank = new HashMap<>();
        settings.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                nonBlank.put(k, v.trim());
            }
        });
        GarminConfig config = GarminConfig.fromEnv(nonBlank);
        GarminHttp http = new GarminHttp(config);
        GarminActivitySources sources = new GarminActivitySources(http, new SecretStoreGarminTokens(secrets),
                new InMemoryActivityCache(), clock);
        InMemoryTokenStore staged = new InMemoryTokenStore(); // see GarminFlowMethod
        GarminLinking flows = GarminLinking.standard(http, staged);
        List<LinkMethod> methods = new ArrayList<>();
        if (config.partnerClientId().isPresent()) { // the official program: only with the operator's credentials
            methods.add(new OfficialOAuthMethod(flows, staged, publicUrl, clock));
        }
        methods.add(new SignInMethod(flows, staged));
        methods.add(new TokenImportMethod(flows, staged));
        return new GarminWiring(sources, List.copyOf(methods), new PartnerDeregistration(http));
    }

    public LinkedSource linkedSource() {
        return new LinkedSource() {
            @Override
            public Optional<ActivitySource> resolve(String accountId) {
                return sources.resolve(accountId);
            }

            @Override
            public void forget(String accountId) {
                sources.forget(accountId);
            }

            @Override
            public boolean revoke(String accountId, String storedSecret) {
                return revokeAtGarmin(storedSecret);
            }
        };
    }

    /** Official links are deregistered at Garmin; other kinds have nothing to revoke. Never throws. */
    private boolean revokeAtGarmin(String storedSecret) {
        try {
            GarminLink link = GarminLinkCodec.decode(storedSecret);
            if (!PartnerDeregistration.applies(link)) {
                return false;
            }
            Result<Boolean> result = deregistration.deregister(link);
            if (!result.isOk()) {
                LOG.warn("garmin deregistration failed: {}", result.problem().code());
                return false;
            }
            return result.value();
        } catch (RuntimeException e) {
            LOG.warn("garmin deregistration skipped: {}", e.getClass().getSimpleName());
            return false;
        }
    }

    public List<LinkMethod> linkMethods() {
        return linkMethods;
    }
}
