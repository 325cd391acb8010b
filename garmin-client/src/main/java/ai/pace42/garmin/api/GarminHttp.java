package ai.pace42.garmin.api;

import ai.pace42.garmin.GarminConfig;
import ai.pace42.garmin.GarminProblem;
import ai.pace42.garmin.GarminProblemCode;
import ai.pace42.garmin.Result;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one way out to Garmin: global rate limit, time-outs, jittered retries on 5xx and time-outs, and 429 handled
 * by pausing everyone until Retry-After instead of retrying. Returns the final response (any status) or a typed
 * problem when no response could be had. Holds no per-account state, so it is shared.
 */
public final class GarminHttp {

    private final HttpClient client;
    private final GlobalRateLimiter limiter;
    private final GarminConfig config;
    private final Clock clock;
    private final AtomicLong calls = new AtomicLong();

    public GarminHttp(GarminConfig config) {
        this(config, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.requestTimeout()).followRedirects(HttpClient.Redirect.NEVER).build(),
                Clock.systemUTC());
    }

    public GarminHttp(GarminConfig config, HttpClient client, Clock clock) {
        this(config, client, clock, new GlobalRateLimiter(config.requestsPerSecond(), clock));
    }

    private GarminHttp(GarminConfig config, HttpClient client, Clock clock, GlobalRateLimiter limiter) {
        this.config = config;
        this.client = client;
        this.clock = clock;
        this.limiter = limiter;
    }

    /**
     * A separate channel for SSO sign-in: its own cookie jar and its own limiter, so a Cloudflare 429 on the SSO
     * host does not pause every account's API traffic, and one sign-in's cookies never meet another's.
     */
    public GarminHttp forSignIn() {
        return forSignIn(new java.net.CookieManager());
    }

    /** The same, with the caller's cookie jar, so a sign-in's cookies can be kept between its steps. */
    public GarminHttp forSignIn(java.net.CookieManager cookies) {
        HttpClient c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.requestTimeout()).followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(cookies).build();
        return new GarminHttp(config, c, clock, new GlobalRateLimiter(config.requestsPerSecond(), clock));
    }

    public Clock clock() {
        return clock;
    }

    public GarminConfig config() {
        return config;
    }

    /** Requests that reached the network, for "Garmin calls per answer" measurements. */
    public long callCount() {
        return calls.get();
    }

    public Result<HttpResponse<String>> send(HttpRequest request) {
        GarminProblem last = GarminProblem.of(GarminProblemCode.GARMIN_UNAVAILABLE, "no attempt");
        for (int attempt = 1; attempt <= Math.max(1, config.maxAttempts()); attempt++) {
            try {
                if (!limiter.acquire(config.maxRateLimitWait())) {
                    Duration left = Duration.between(clock.instant(), limiter.pausedUntil());
                    return Result.failed(new GarminProblem(GarminProblemCode.GARMIN_RATE_LIMITED,
                            "global limiter", Optional.of(left.isNegative() ? Duration.ZERO : left)));
                }
                calls.incrementAndGet();
                long started = System.nanoTime();
                HttpResponse<String> response;
                try {
                    response = client.send(withTimeout(request), HttpResponse.BodyHandlers.ofString());
                } catch (IOException e) {
                    GarminMetrics.call(request.uri(), "none", Duration.ofNanos(System.nanoTime() - started));
                    throw e;
                }
                int status = response.statusCode();
                GarminMetrics.call(request.uri(), String.valueOf(status), Duration.ofNanos(System.nanoTime() - started));
                if (status == 429) {
                    Duration wait = retryAfter(response).orElse(Duration.ofSeconds(30));
                    limiter.pauseUntil(clock.instant().plus(wait));
                    return Result.failed(new GarminProblem(GarminProblemCode.GARMIN_RATE_LIMITED,
                            "HTTP 429", Optional.of(wait), OptionalInt.of(429)));
                }
                if (status >= 500 && status <= 599) {
                    last = GarminProblem.http(GarminProblemCode.GARMIN_UNAVAILABLE, status,
                            "HTTP " + status + " after " + attempt + " attempt" + (attempt == 1 ? "" : "s"));
                    backoff(attempt);
                    continue;
                }
                return Result.ok(response);
            } catch (HttpTimeoutException e) {
                last = GarminProblem.of(GarminProblemCode.GARMIN_UNAVAILABLE,
                        "time-out after " + attempt + " attempt" + (attempt == 1 ? "" : "s"));
                backoff(attempt);
            } catch (IOException e) {
                last = GarminProblem.of(GarminProblemCode.GARMIN_UNAVAILABLE, "I/O: " + e.getClass().getSimpleName());
                backoff(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Result.failed(GarminProblemCode.GARMIN_UNAVAILABLE, "interrupted");
            }
        }
        return Result.failed(last);
    }

    private HttpRequest withTimeout(HttpRequest request) {
        return request.timeout().isPresent() ? request
                : HttpRequest.newBuilder(request, (k, v) -> true).timeout(config.requestTimeout()).build();
    }

    /** Full jitter: a random wait in [0, base × 2^(attempt-1)], so many clients do not retry in step. */
    private void backoff(int attempt) {
        if (attempt >= config.maxAttempts()) {
            return;
        }
        long cap = config.backoffBase().toMillis() << Math.min(attempt - 1, 6);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(cap + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Retry-After as seconds or an HTTP date; absent or unreadable → empty. Capped at one hour. */
    Optional<Duration> retryAfter(HttpResponse<?> response) {
        Optional<String> h = response.headers().firstValue("Retry-After").map(String::trim);
        if (h.isEmpty()) {
            return Optional.empty();
        }
        Duration d;
        try {
            d = Duration.ofSeconds(Long.parseLong(h.get()));
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(h.get(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                d = Duration.between(clock.instant(), at);
            } catch (RuntimeException e2) {
                return Optional.empty();
            }
        }
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        return Optional.of(d.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : d);
    }
}
