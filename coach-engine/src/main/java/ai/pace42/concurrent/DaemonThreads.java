package ai.pace42.concurrent;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one way pace42 names its own threads: daemon threads (a stuck send never keeps the process alive) called
 * {@code <name>-1}, {@code <name>-2}, … so a thread dump says whose work it is.
 */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    public static ThreadFactory named(String name) {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** A single daemon thread with exactly {@code name}, for one long-running loop. */
    public static Thread start(String name, Runnable loop) {
        Thread t = new Thread(loop, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
