package ai.pace42.bot.persistence;

import ai.pace42.bot.channel.InboundDeliveries;
import ai.pace42.bot.channel.Platform;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery ledger in the database, shared by every instance: the primary key decides, atomically, which of
 * several instances receiving the same delivery answers it. Platforms redeliver within minutes to hours, so ids
 * are kept for {@link #RETENTION} and older ones are pruned now and then.
 */
public final class DatabaseDeliveries implements InboundDeliveries {

    static final Duration RETENTION = Duration.ofDays(2);
    private static final int PRUNE_EVERY = 500;
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseDeliveries.class);

    private final Jdbi jdbi;
    private final Clock clock;
    private final AtomicLong recorded = new AtomicLong();

    public DatabaseDeliveries(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public boolean firstDelivery(Platform platform, String deliveryId) {
        long now = clock.millis();
        try {
            int inserted = jdbi.withHandle(h -> h.createUpdate("INSERT INTO inbound_deliveries (platform, delivery_id, "
                            + "seen_at) VALUES (:p, :id, :now) ON CONFLICT (platform, delivery_id) DO NOTHING")
                    .bind("p", platform.id()).bind("id", deliveryId).bind("now", now).execute());
            if (inserted == 1 && recorded.incrementAndGet() % PRUNE_EVERY == 0) {
                prune(now);
            }
            return inserted == 1;
        } catch (RuntimeException e) {
            // Answering a rare repeat beats dropping a message because the ledger could not be written.
            LOG.warn("delivery ledger unavailable, treating {} delivery as new: {}", platform.id(), e.toString());
            return true;
        }
    }

    /** Forgets ids older than the retention; returns how many went. */
    int prune(long nowMillis) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM inbound_deliveries WHERE seen_at < :cutoff")
                .bind("cutoff", nowMillis - RETENTION.toMillis()).execute());
    }
}
