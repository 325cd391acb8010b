package ai.pace42.server.link;

import ai.pace42.bot.security.RandomTokens;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How often the one-time link page may be opened: per source address (someone trying tokens) and per token (one
 * link opened from many places), each in a fixed window from the first visit. Counters live in memory, bounded in
 * number, so a flood of addresses or forged tokens cannot grow them without limit; each instance counts its own
 * visits, which bounds a burst to the limit times the number of instances. Tokens are kept only as SHA-256.
 */
public final class LinkVisitLimits {

    /** A runner opens a page a handful of times; a script trying tokens hits this at once. */
    public static final int PER_ADDRESS = 100;
    public static final int PER_TOKEN = 20;
    public static final Duration WINDOW = Duration.ofMinutes(10);
    private static final int TRACKED = 20_000;

    private final int perAddress;
    private final int perToken;
    private final Duration window;
    private final Clock clock;
    private final Cache<String, Window> byAddress;
    private final Cache<String, Window> byToken;

    /** Visits counted from the first one in a window; the window ends {@code window} after that. */
    private record Window(Instant start, AtomicInteger visits) {
    }

    public LinkVisitLimits(int perAddress, int perToken, Duration window, Clock clock) {
        this.perAddress = perAddress;
        this.perToken = perToken;
        this.window = window;
        this.clock = clock;
        this.byAddress = counters();
        this.byToken = counters();
    }

    public static LinkVisitLimits defaults(Clock clock) {
        return new LinkVisitLimits(PER_ADDRESS, PER_TOKEN, WINDOW, clock);
    }

    private Cache<String, Window> counters() {
        return Caffeine.newBuilder().maximumSize(TRACKED).expireAfterWrite(window)
                .ticker(() -> clock.millis() * 1_000_000L).executor(Runnable::run).build();
    }

    /**
     * Counts one visit; empty when it may go ahead, otherwise how long until the exceeded window ends.
     *
     * @param token the link token from the address or cookie, or null when there is none
     */
    public Optional<Duration> visit(String address, String token) {
        Optional<Duration> wait = count(byAddress, String.valueOf(address), perAddress);
        if (token != null) {
            Optional<Duration> tokenWait = count(byToken, RandomTokens.sha256Hex(token), perToken);
            if (tokenWait.isPresent() && (wait.isEmpty() || tokenWait.get().compareTo(wait.get()) > 0)) {
                wait = tokenWait;
            }
        }
        return wait;
    }

    private Optional<Duration> count(Cache<String, Window> counters, String key, int limit) {
        Window w = counters.get(key, k -> new Window(clock.instant(), new AtomicInteger()));
        if (w.visits().incrementAndGet() <= limit) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), w.start().plus(window));
        return Optional.of(left.isNegative() ? Duration.ZERO : left);
    }
}
