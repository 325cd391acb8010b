package ai.pace42.telegram;

import java.util.function.LongSupplier;

/** A token bucket on a nanosecond clock: {@code capacity} sends at once, refilled at {@code perSecond}. */
final class TokenBucket {

    private final double capacity;
    private final double tokensPerNano;
    private final LongSupplier nanoClock;
    private double tokens;
    private long lastRefill;

    TokenBucket(int capacity, double perSecond, LongSupplier nanoClock) {
        this.capacity = capacity;
        this.tokensPerNano = perSecond / 1_000_000_000.0;
        this.nanoClock = nanoClock;
        this.tokens = capacity;
        this.lastRefill = nanoClock.getAsLong();
    }

    /** Takes a token and returns 0, or takes nothing and returns how many nanoseconds until one is free. */
    synchronized long tryTake() {
        long wait = nanosUntilToken();
        if (wait == 0) {
            tokens -= 1;
        }
        return wait;
    }

    /** True when no send has used the burst, i.e. the bucket could be replaced by a fresh one. */
    synchronized boolean isFull() {
        nanosUntilToken();
        return tokens >= capacity;
    }

    /** How long until a token is free, without taking it. */
    synchronized long nanosUntilToken() {
        long now = nanoClock.getAsLong();
        tokens = Math.min(capacity, tokens + (now - lastRefill) * tokensPerNano);
        lastRefill = now;
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / tokensPerNano);
    }
}
