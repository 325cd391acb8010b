package ai.pace42.server.garmin;

import ai.pace42.concurrent.DaemonThreads;
import ai.pace42.bot.account.Account;
import ai.pace42.bot.data.LinkHealth;
import ai.pace42.bot.data.LinkedSource;
import ai.pace42.bot.secrets.SecretStore;
import ai.pace42.coach.model.ActivitySource;
import ai.pace42.garmin.GarminConfig;
import ai.pace42.garmin.Result;
import ai.pace42.garmin.api.GarminHttp;
import ai.pace42.garmin.auth.GarminLink;
import ai.pace42.garmin.auth.GarminLinking;
import ai.pace42.garmin.auth.GarminTokenStore;
import ai.pace42.garmin.auth.GarminTokens;
import ai.pace42.garmin.auth.InMemoryTokenStore;
import ai.pace42.garmin.auth.PartnerDeregistration;
import ai.pace42.garmin.partner.PartnerInbox;
import ai.pace42.garmin.partner.PartnerNotifications;
import ai.pace42.garmin.sync.GarminActivitySources;
import ai.pace42.server.garmin.cache.JdbiActivityCache;
import ai.pace42.server.garmin.partner.JdbiPartnerUsers;
import ai.pace42.server.garmin.partner.PartnerDeliveries;
import ai.pace42.server.garmin.partner.PartnerNotificationResource;
import ai.pace42.server.garmin.partner.PathSecret;
import ai.pace42.server.link.LinkMethod;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Garmin for the server: one HTTP channel (with the global rate limiter towards Garmin), tokens in the secret
 * store, the activity cache in the database, the per-account activity sources the coach reads, the link page's
 * methods, and (with partner credentials) the Developer Program's notification endpoints.
 */
public final class GarminWiring {

    private static final Logger LOG = LoggerFactory.getLogger(GarminWiring.class);
    /** The secret part of the notification URLs; see {@link PathSecret}. */
    public static final String PARTNER_PATH_SECRET = "GARMIN_PARTNER_PATH_SECRET";

    private final GarminHttp http;
    private final GarminTokenStore tokens;
    private final JdbiActivityCache cache;
    private final JdbiPartnerUsers partnerUsers;
    private final GarminActivitySources sources;
    private final List<LinkMethod> linkMethods;
    private final PartnerDeregistration deregistration;
    private final Clock clock;
    private final Jdbi jdbi;
    private final Optional<PathSecret> partnerPathSecret;
    private final JdbiFlowState flowState;

    private GarminWiring(GarminHttp http, GarminTokenStore tokens, JdbiActivityCache cache,
                         JdbiPartnerUsers partnerUsers, List<LinkMethod> linkMethods, Clock clock, Jdbi jdbi,
                         Optional<PathSecret> partnerPathSecret, JdbiFlowState flowState) {
        this.http = http;
        this.tokens = tokens;
        this.cache = cache;
        this.partnerUsers = partnerUsers;
        this.sources = new GarminActivitySources(http, tokens, cache, clock);
        this.linkMethods = linkMethods;
        this.deregistration = new PartnerDeregistration(http);
        this.clock = clock;
        this.jdbi = jdbi;
        this.partnerPathSecret = partnerPathSecret;
        this.flowState = flowState;
    }

    /** @param settings {@code GARMIN_*} settings; blank values fall back to Garmin's real hosts and defaults */
    public static GarminWiring create(Map<String, String> settings, SecretStore secrets, Jdbi jdbi, URI publicUrl,
                                      Clock clock) {
        Map<String, String> nonBlank = new HashMap<>();
        settings.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                nonBlank.put(k, v.trim());
            }
        });
        GarminConfig config = GarminConfig.fromEnv(nonBlank);
        GarminHttp http = new GarminHttp(config);
        InMemoryTokenStore staged = new InMemoryTokenStore(); // see GarminFlowMethod
        JdbiFlowState flowState = new JdbiFlowState(jdbi, secrets, clock);
        GarminLinking flows = GarminLinking.standard(http, staged, flowState);
        List<LinkMethod> methods = new ArrayList<>();
        if (config.partnerClientId().isPresent()) { // the official program: only with the operator's credentials
            methods.add(new OfficialOAuthMethod(flows, staged, publicUrl, clock, flowState));
        }
        methods.add(new SignInMethod(flows, staged, new SignInAttempts(jdbi, clock)));
        methods.add(new TokenImportMethod(flows, staged));
        return new GarminWiring(http, new SecretStoreGarminTokens(secrets), new JdbiActivityCache(jdbi, clock),
                new JdbiPartnerUsers(jdbi, clock), List.copyOf(methods), clock, jdbi,
                PathSecret.of(nonBlank.get(PARTNER_PATH_SECRET)), flowState);
    }

    public LinkedSource linkedSource() {
        return new LinkedSource() {
            @Override
            public Optional<ActivitySource> resolve(String accountId) {
                return sources.resolve(accountId);
            }

            /** Called after the tokens were saved (link) or deleted (unlink): derived state follows them. */
            @Override
            public void forget(String accountId) {
                sources.forget(accountId);
                rememberPartnerUser(accountId);
            }

            @Override
            public boolean revoke(String accountId, String storedSecret) {
                return revokeAtGarmin(storedSecret);
            }

            /** The same Garmin user linked again: deregistering the old token would end the new link too. */
            @Override
            public boolean revokeReplaced(String accountId, String oldSecret, String newSecret) {
                if (samePartnerUser(oldSecret, newSecret)) {
                    return false;
                }
                return revokeAtGarmin(oldSecret);
            }

            @Override
            public Optional<LinkHealth> checkHealth(String accountId) {
                try {
                    return switch (sources.checkLink(accountId)) {
                        case HEALTHY -> Optional.of(LinkHealth.HEALTHY);
                        case NEEDS_RELINK -> Optional.of(LinkHealth.NEEDS_RELINK);
                        case PERMISSION_REMOVED -> Optional.of(LinkHealth.PERMISSION_REMOVED);
                        case UNDECIDED -> Optional.empty();
                    };
                } catch (RuntimeException e) { // e.g. a sealed secret store: no verdict this round
                    LOG.warn("garmin link check skipped: {}", e.getClass().getSimpleName());
                    return Optional.empty();
                }
            }

            /** /status must answer even when the stored link cannot be read: then it adds nothing. */
            @Override
            public Optional<String> describe(Account account) {
                try {
                    return sources.state(account.id())
                            .map(s -> GarminStatusLine.of(s, clock.instant(), account.effectiveZone()));
                } catch (RuntimeException e) {
                    LOG.warn("garmin link state unreadable: {}", e.getClass().getSimpleName());
                    return Optional.empty();
                }
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

    private static boolean samePartnerUser(String oldSecret, String newSecret) {
        try {
            String before = GarminLinkCodec.decode(oldSecret).identity().partnerUserId();
            return !before.isBlank() && before.equals(GarminLinkCodec.decode(newSecret).identity().partnerUserId());
        } catch (RuntimeException e) {
            return false; // an unreadable old value is revoked (best effort) like any other
        }
    }

    /** Official links are found again by their Developer Program user id; any other state drops the mapping. */
    private void rememberPartnerUser(String accountId) {
        Optional<String> partnerUser = storedLink(accountId)
                .filter(l -> l.tokens().kind() == GarminTokens.Kind.PARTNER)
                .map(l -> l.identity().partnerUserId()).filter(id -> !id.isBlank());
        if (partnerUser.isPresent()) {
            partnerUsers.remember(accountId, partnerUser.get());
        } else {
            partnerUsers.forgetAccount(accountId);
        }
    }

    /** A stored value this version cannot decode is no partner link; it must not fail the link or unlink. */
    private Optional<GarminLink> storedLink(String accountId) {
        try {
            return tokens.load(accountId);
        } catch (RuntimeException e) {
            LOG.warn("stored garmin link unreadable: {}", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** Tells the core when data that missed an answer's time budget arrived in the background. */
    public void onLateData(java.util.function.Consumer<String> listener) {
        sources.onLateData(listener);
    }

    /** Link flows waiting on another step (OAuth state and approvals, MFA sign-ins); the server purges it. */
    public JdbiFlowState flowState() {
        return flowState;
    }

    public List<LinkMethod> linkMethods() {
        return linkMethods;
    }

    /**
     * The ping and push endpoints, when the operator configured Developer Program credentials
     * ({@code GARMIN_OAUTH_CLIENT_ID}/{@code _SECRET}) and a path secret ({@code GARMIN_PARTNER_PATH_SECRET});
     * the caller starts the deliveries and closes them on shutdown.
     */
    public Optional<PartnerEndpoints> partnerEndpoints() {
        GarminConfig config = http.config();
        if (config.partnerClientId().isEmpty() || config.partnerClientSecret().isEmpty()) {
            return Optional.empty();
        }
        if (partnerPathSecret.isEmpty()) {
            LOG.warn("garmin partner endpoints off: set {} to at least 32 random URL-safe characters "
                    + "(e.g. openssl rand -hex 32) and register <public URL>/garmin/partner/<it>/ping and /push "
                    + "with Garmin", PARTNER_PATH_SECRET);
            return Optional.empty();
        }
        PartnerNotifications parser = new PartnerNotifications(config.apisUrl());
        PartnerDeliveries deliveries = PartnerDeliveries.create(new PartnerInbox(http, tokens, cache, partnerUsers),
                parser, jdbi, clock, deliveryWorker());
        return Optional.of(new PartnerEndpoints(new PartnerNotificationResource(partnerPathSecret.get(),
                config.partnerClientId().get(), parser, deliveries), deliveries));
    }

    /** The resource to register with Jersey, and its worker to close on shutdown. */
    public record PartnerEndpoints(PartnerNotificationResource resource, PartnerDeliveries deliveries) {
    }

    /** One worker files the stored notifications in order (the global rate limiter paces callback fetches). */
    private static ScheduledExecutorService deliveryWorker() {
        return Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("garmin-partner"));
    }
}
