package ai.pace42.bot.channel;

import ai.pace42.concurrent.DaemonThreads;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Connects a chat adapter now, or keeps trying in the background: a platform that is down when the server starts
 * must not stop the server, and must not be hammered either (the pause doubles from 1 s up to a minute).
 */
public final class ConnectRetry {

    private final BooleanSupplier attempt;
    private final Duration firstPause;
    private final Duration maxPause;
    private volatile boolean stopped;
    private volatile Thread thread;

    private ConnectRetry(BooleanSupplier attempt, Duration firstPause, Duration maxPause) {
        this.attempt = attempt;
        this.firstPause = firstPause;
        this.maxPause = maxPause;
    }

    /**
     * Runs {@code attempt} once on the calling thread; if it returns false, retries it on a daemon thread named
     * {@code threadName} until it returns true or {@link #stop()} is called.
     */
    public static ConnectRetry start(String threadName, BooleanSupplier attempt) {
        return start(threadName, attempt, Duration.ofSeconds(1), Duration.ofMinutes(1));
    }

    static ConnectRetry start(String threadName, BooleanSupplier attempt, Duration firstPause, Duration maxPause) {
        ConnectRetry retry = new ConnectRetry(attempt, firstPause, maxPause);
        if (!attempt.getAsBoolean()) {
            retry.thread = DaemonThreads.start(threadName, retry::retryUntilConnected);
        }
        return retry;
    }

    /** Whether a background thread is still trying. */
    public boolean retrying() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    /** Stops retrying; an attempt under way finishes, no new one starts. */
    public void stop() {
        stopped = true;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    private void retryUntilConnected() {
        long pause = firstPause.toMillis();
        while (!stopped) {
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                return;
            }
            if (stopped || attempt.getAsBoolean()) {
                return;
            }
            pause = Math.min(maxPause.toMillis(), pause * 2);
        }
    }
}
