package ai.pace42.bot.testing;

import ai.pace42.bot.channel.RetryScheduler;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link RetryScheduler} on a virtual clock: it records every delay asked for and either runs the task at
 * once on the caller's thread ({@link #inline()}) or holds it until the test calls {@link #runNext()}
 * ({@link #held()}), which runs the earliest due task and moves the clock to its time. A test sees the wait a
 * sender chose, and that nothing was sent while the wait was pending, without anything sleeping.
 */
public final class RecordingScheduler implements RetryScheduler {

    private record Due(long at, long seq, Runnable task) {
    }

    private final boolean inline;
    private final List<Duration> delays = new CopyOnWriteArrayList<>();
    private final PriorityQueue<Due> pending = new PriorityQueue<>(
            Comparator.comparingLong(Due::at).thenComparingLong(Due::seq));
    private final AtomicLong now = new AtomicLong();
    private final AtomicLong seq = new AtomicLong();

    private RecordingScheduler(boolean inline) {
        this.inline = inline;
    }

    public static RecordingScheduler inline() {
        return new RecordingScheduler(true);
    }

    public static RecordingScheduler held() {
        return new RecordingScheduler(false);
    }

    @Override
    public void after(Duration delay, Runnable task) {
        delays.add(delay);
        if (inline) {
            now.addAndGet(delay.toNanos());
            task.run();
            return;
        }
        synchronized (pending) {
            pending.add(new Due(now.get() + delay.toNanos(), seq.incrementAndGet(), task));
        }
    }

    /** The scheduler's clock in nanoseconds, for code that reads a {@code LongSupplier} nano clock. */
    public long nanoTime() {
        return now.get();
    }

    /** The waits before retries: every delay asked for except the immediate first attempts. */
    public List<Duration> waits() {
        return delays.stream().filter(d -> !d.isZero()).toList();
    }

    /** Tasks held and not yet run. */
    public int pending() {
        synchronized (pending) {
            return pending.size();
        }
    }

    /** Moves the clock to the earliest held task and runs it; false when none is held. */
    public boolean runNext() {
        Due next;
        synchronized (pending) {
            next = pending.poll();
        }
        if (next == null) {
            return false;
        }
        now.accumulateAndGet(next.at(), Math::max);
        next.task().run();
        return true;
    }
}
