package ai.pace42.server.garmin.cache;

import java.util.function.Supplier;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cache is an optimisation: a database error is logged (the operation's name and the exception class, never
 * data) and read as a miss, so Garmin is asked again instead of the runner getting an error.
 */
final class Guarded {

    private static final Logger LOG = LoggerFactory.getLogger(JdbiActivityCache.class);

    private Guarded() {
    }

    static <T> T read(String what, Supplier<T> query, T miss) {
        try {
            return query.get();
        } catch (JdbiException e) {
            LOG.warn("garmin cache read failed ({}): {}", what, e.getClass().getSimpleName());
            return miss;
        }
    }

    static void write(String what, Runnable update) {
        try {
            update.run();
        } catch (JdbiException e) {
            LOG.warn("garmin cache write failed ({}): {}", what, e.getClass().getSimpleName());
        }
    }
}
