package ai.pace42.garmin.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One limiter for all traffic to Garmin (every account shares Garmin's patience). Spaces calls at a fixed rate
 * and, after a 429, holds everyone back until the Retry-After time, so one account's throttle does not turn into
 * a retry storm from all the others.
 */
public final class GlobalRateLimiter {

    private final long intervalNanos;
    private final Clock clock;
    private long nextSlotNanos = System.nanoTime();
    private Instant pausedUntil = Instant.MIN;

    public GlobalRateLimiter(double requestsPerSecond, Clock clock) {
        this.intervalNanos = (long) (1_000_000_000L / Math.max(0.01, requestsPerSecond));
        this.clock = clock;
    }

    /**
     * Waits for a slot. Returns false, without consuming one, when the wait would exceed {@code maxWait}: the
     * caller reports "rate limited" rather than queueing forever.
     */
    public boolean acquire(Duration maxWait) throws InterruptedException {
        long waitNanos;
        synchronized (this) {
            Duration paused = Duration.between(clock.instant(), pausedUntil);
            if (!paused.isNegative() && paused.compareTo(maxWait) > 0) {
                return false;
            }
            long now = System.nanoTime();
            long slot = Math.max(now, nextSlotNanos);
            if (!paused.isNegative()) {
                slot = Math.max(slot, now + paused.toNanos());
            }
            waitNanos = slot - now;
            if (waitNanos > maxWait.toNanos()) {
                return false;
            }
            nextSlotNanos = slot + intervalNanos;
        }
        if (waitNanos > 0) {
            Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
        }
        return true;
    }

    /** Garmin said "slow down": nobody calls before {@code until}. */
    public synchronized void pauseUntil(Instant until) {
        if (until.isAfter(pausedUntil)) {
            pausedUntil = until;
        }
    }

    public synchronized Instant pausedUntil() {
        return pausedUntil;
    }
}
