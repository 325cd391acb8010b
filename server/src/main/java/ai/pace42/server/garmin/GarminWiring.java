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
import java.time.Clock;
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
    public static GarminWiring create(Map<String, String> settings, SecretStore secrets, Clock clock) {
        Map<String, String> nonBlank = new HashMap<>();
        settings.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                nonBlank.put(k, v.trim());
            }
        });
        GarminHttp http = new GarminHttp(GarminConfig.fromEnv(nonBlank));
        GarminActivitySources sources = new GarminActivitySources(http, new SecretStoreGarminTokens(secrets),
                new InMemoryActivityCache(), clock);
        InMemoryTokenStore staged = new InMemoryTokenStore(); // see GarminFlowMethod
        GarminLinking flows = GarminLinking.standard(http, staged);
        return new GarminWiring(sources, List.of(new SignInMethod(flows, staged), new TokenImportMethod(flows, staged)));
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
