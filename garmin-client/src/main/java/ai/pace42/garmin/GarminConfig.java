package ai.pace42.garmin;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Every Garmin host and limit, so WireMock can stand in for all of them. Environment keys (RUNBOOK):
 * {@code GARMIN_CONNECTAPI_URL}, {@code GARMIN_SSO_URL}, {@code GARMIN_DIAUTH_URL}, {@code GARMIN_APIS_URL},
 * {@code GARMIN_CONNECT_URL}, {@code GARMIN_OAUTH_CLIENT_ID}, {@code GARMIN_OAUTH_CLIENT_SECRET},
 * {@code GARMIN_DI_CLIENT_ID}, {@code GARMIN_REQUESTS_PER_SECOND}, {@code GARMIN_FRESHNESS_MINUTES},
 * {@code GARMIN_ANSWER_BUDGET_MS}.
 *
 * @param partnerClientId     official Developer Program OAuth2 client id; empty disables that flow
 * @param diClientId          client id for the community DI token grant/refresh
 * @param requestsPerSecond   global rate towards Garmin, shared by every account
 * @param maxAttempts         tries per call for 5xx and time-outs (1 = no retry)
 * @param backoffBase         first retry delay; doubles per attempt, with full jitter
 * @param maxRateLimitWait    longest a call waits for the global limiter before giving up as rate-limited
 * @param freshness           how long synced data counts as fresh (default 10 minutes)
 * @param answerBudget        how long one answer waits for Garmin in total (default 8 s); then it answers from the
 *                            cache or with the failure, and the fetch goes on in the background
 */
public record GarminConfig(URI connectApiUrl, URI ssoUrl, URI diauthUrl, URI apisUrl, URI connectUrl,
                           Optional<String> partnerClientId, Optional<String> partnerClientSecret,
                           String diClientId, double requestsPerSecond, int maxAttempts, Duration backoffBase,
                           Duration requestTimeout, Duration maxRateLimitWait, Duration freshness,
                           Duration answerBudget) {

    /** Without an answer budget: the default 8 s. */
    public GarminConfig(URI connectApiUrl, URI ssoUrl, URI diauthUrl, URI apisUrl, URI connectUrl,
                        Optional<String> partnerClientId, Optional<String> partnerClientSecret, String diClientId,
                        double requestsPerSecond, int maxAttempts, Duration backoffBase, Duration requestTimeout,
                        Duration maxRateLimitWait, Duration freshness) {
        this(connectApiUrl, ssoUrl, diauthUrl, apisUrl, connectUrl, partnerClientId, partnerClientSecret, diClientId,
                requestsPerSecond, maxAttempts, backoffBase, requestTimeout, maxRateLimitWait, freshness,
                DEFAULT_ANSWER_BUDGET);
    }

    private static final Duration DEFAULT_ANSWER_BUDGET = Duration.ofSeconds(8);

    public static GarminConfig defaults() {
        return fromEnv(Map.of());
    }

    public static GarminConfig fromEnv(Map<String, String> env) {
        return new GarminConfig(
                uri(env, "GARMIN_CONNECTAPI_URL", "https://connectapi.garmin.com"),
                uri(env, "GARMIN_SSO_URL", "https://sso.garmin.com"),
                uri(env, "GARMIN_DIAUTH_URL", "https://diauth.garmin.com"),
                uri(env, "GARMIN_APIS_URL", "https://apis.garmin.com"),
                uri(env, "GARMIN_CONNECT_URL", "https://connect.garmin.com"),
                Optional.ofNullable(env.get("GARMIN_OAUTH_CLIENT_ID")).filter(s -> !s.isBlank()),
                Optional.ofNullable(env.get("GARMIN_OAUTH_CLIENT_SECRET")).filter(s -> !s.isBlank()),
                env.getOrDefault("GARMIN_DI_CLIENT_ID", "GARMIN_CONNECT_MOBILE_ANDROID_DI_2025Q2"),
                Double.parseDouble(env.getOrDefault("GARMIN_REQUESTS_PER_SECOND", "4")),
                3, Duration.ofMillis(300), Duration.ofSeconds(10), Duration.ofSeconds(5),
                Duration.ofMinutes(Long.parseLong(env.getOrDefault("GARMIN_FRESHNESS_MINUTES", "10"))),
                Duration.ofMillis(Long.parseLong(env.getOrDefault("GARMIN_ANSWER_BUDGET_MS", "8000"))));
    }

    /** Every host pointed at one base URL (tests: WireMock), with fast retries. */
    public static GarminConfig allAt(String baseUrl) {
        URI u = URI.create(baseUrl);
        return new GarminConfig(u, u, u, u, u, Optional.of("pace42-test"), Optional.of("secret"), "DI_TEST", 1000,
                3, Duration.ofMillis(5), Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofMinutes(10),
                DEFAULT_ANSWER_BUDGET);
    }

    public GarminConfig withRequestTimeout(Duration t) {
        return new GarminConfig(connectApiUrl, ssoUrl, diauthUrl, apisUrl, connectUrl, partnerClientId,
                partnerClientSecret, diClientId, requestsPerSecond, maxAttempts, backoffBase, t, maxRateLimitWait,
                freshness, answerBudget);
    }

    public GarminConfig withRate(double perSecond, Duration maxWait) {
        return new GarminConfig(connectApiUrl, ssoUrl, diauthUrl, apisUrl, connectUrl, partnerClientId,
                partnerClientSecret, diClientId, perSecond, maxAttempts, backoffBase, requestTimeout, maxWait,
                freshness, answerBudget);
    }

    public GarminConfig withAnswerBudget(Duration budget) {
        return new GarminConfig(connectApiUrl, ssoUrl, diauthUrl, apisUrl, connectUrl, partnerClientId,
                partnerClientSecret, diClientId, requestsPerSecond, maxAttempts, backoffBase, requestTimeout,
                maxRateLimitWait, freshness, budget);
    }

    private static URI uri(Map<String, String> env, String key, String fallback) {
        String v = env.getOrDefault(key, fallback).trim();
        return URI.create(v.endsWith("/") ? v.substring(0, v.length() - 1) : v);
    }
}
