package ai.pace42.server.garmin;

import ai.pace42.bot.data.LinkedSource;
import ai.pace42.bot.secrets.SecretStore;
import ai.pace42.coach.model.ActivitySource;
import ai.pace42.garmin.GarminConfig;
import ai.pace42.garmin.api.GarminHttp;
import ai.pace42.garmin.auth.GarminLinking;
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

/**
 * Garmin for the server: one HTTP channel (with the global rate limiter towards Garmin), tokens in the secret
 * store, the per-account activity sources the coach reads, and the link page's methods.
 */
public final class GarminWiring {

    private final GarminActivitySources sources;
    private final List<LinkMethod> linkMethods;

    private GarminWiring(GarminActivitySources sources, List<LinkMethod> linkMethods) {
        this.sources = sources;
        this.linkMethods = linkMethods;
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
        return new GarminWiring(sources, List.copyOf(methods));
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
        };
    }

    public List<LinkMethod> linkMethods() {
        return linkMethods;
    }
}
