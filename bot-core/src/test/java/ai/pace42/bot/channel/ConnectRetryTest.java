package ai.pace42.bot.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConnectRetryTest {

    private static final Duration PAUSE = Duration.ofMillis(5);

    @Test
    void aPlatformThatAnswersAtOnceStartsNoThread() {
        AtomicInteger attempts = new AtomicInteger();

        ConnectRetry retry = ConnectRetry.start("test-connect", () -> attempts.incrementAndGet() > 0, PAUSE, PAUSE);

        assertThat(attempts).hasValue(1);
        assertThat(retry.retrying()).isFalse();
    }

    @Test
    void aPlatformThatIsDownIsRetriedInTheBackgroundUntilItAnswers() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        CopyOnWriteArrayList<String> threads = new CopyOnWriteArrayList<>();

        ConnectRetry retry = ConnectRetry.start("test-connect", () -> {
            threads.add(Thread.currentThread().getName());
            return attempts.incrementAndGet() >= 4;
        }, PAUSE, Duration.ofMillis(20));

        for (int i = 0; i < 500 && retry.retrying(); i++) {
            Thread.sleep(10);
        }
        assertThat(retry.retrying()).isFalse();
        assertThat(attempts).hasValue(4);
        assertThat(threads.subList(1, 4)).containsOnly("test-connect");
    }

    @Test
    void stoppingEndsTheRetries() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        ConnectRetry retry = ConnectRetry.start("test-connect", () -> {
            attempts.incrementAndGet();
            return false;
        }, PAUSE, PAUSE);

        retry.stop();
        for (int i = 0; i < 500 && retry.retrying(); i++) {
            Thread.sleep(10);
        }
        int afterStop = attempts.get();
        Thread.sleep(50);

        assertThat(retry.retrying()).isFalse();
        assertThat(attempts.get()).isEqualTo(afterStop);
    }
}
