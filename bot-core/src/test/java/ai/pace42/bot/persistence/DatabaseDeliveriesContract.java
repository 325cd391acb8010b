package ai.pace42.bot.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.channel.InboundDeliveries;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared delivery ledger on each database; subclasses supply a migrated, empty database. */
abstract class DatabaseDeliveriesContract {

    protected abstract Jdbi database();

    private Jdbi jdbi;
    private MutableClock clock;
    private DatabaseDeliveries ledger;

    @BeforeEach
    void setUp() {
        jdbi = database();
        clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
        ledger = new DatabaseDeliveries(jdbi, clock);
    }

    @Test
    void aDeliveryIsFirstOnceAndIdsAreScopedByPlatform() {
        assertThat(ledger.firstDelivery(Platform.TELEGRAM, "912345101")).isTrue();
        assertThat(ledger.firstDelivery(Platform.TELEGRAM, "912345101")).isFalse();
        assertThat(ledger.firstDelivery(Platform.SLACK, "912345101")).isTrue();
        assertThat(ledger.firstDelivery(Platform.TELEGRAM, "912345102")).isTrue();
    }

    @Test
    void twoInstancesSharingTheDatabaseAnswerARedeliveryOnce() {
        InboundDeliveries other = new DatabaseDeliveries(jdbi, clock);

        assertThat(ledger.firstDelivery(Platform.SLACK, "Ev08MFMKH6")).isTrue();
        assertThat(other.firstDelivery(Platform.SLACK, "Ev08MFMKH6")).isFalse();
    }

    @Test
    void ofManyConcurrentReceiversExactlyOneGetsTheDelivery() throws Exception {
        int receivers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(receivers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < receivers; i++) {
            InboundDeliveries instance = new DatabaseDeliveries(jdbi, clock);
            results.add(pool.submit(() -> {
                go.await();
                return instance.firstDelivery(Platform.DISCORD, "1180000000000000001");
            }));
        }
        go.countDown();
        int winners = 0;
        for (Future<Boolean> r : results) {
            winners += r.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(winners).isEqualTo(1);
    }

    @Test
    void idsOlderThanTheRetentionArePruned() {
        ledger.firstDelivery(Platform.TELEGRAM, "old");
        clock.advance(DatabaseDeliveries.RETENTION.plus(Duration.ofMinutes(1)));
        ledger.firstDelivery(Platform.TELEGRAM, "recent");

        assertThat(ledger.prune(clock.millis())).isEqualTo(1);
        assertThat(ledger.firstDelivery(Platform.TELEGRAM, "recent")).isFalse();
    }
}
