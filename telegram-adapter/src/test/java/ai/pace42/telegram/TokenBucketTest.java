package ai.pace42.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void aBurstIsAllowedThenOneTokenPerInterval() {
        TokenBucket perChat = new TokenBucket(3, 1.0, now::get);

        assertThat(perChat.tryTake()).isZero();
        assertThat(perChat.tryTake()).isZero();
        assertThat(perChat.tryTake()).isZero();
        assertThat(perChat.tryTake()).isEqualTo(TimeUnit.SECONDS.toNanos(1));

        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(400));
        assertThat(perChat.tryTake()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(600));
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(600));
        assertThat(perChat.tryTake()).isZero();
        assertThat(perChat.nanosUntilToken()).isEqualTo(TimeUnit.SECONDS.toNanos(1));
    }

    @Test
    void tokensNeverPileUpBeyondTheCapacity() {
        TokenBucket global = new TokenBucket(30, 30.0, now::get);
        now.addAndGet(TimeUnit.HOURS.toNanos(1));

        int granted = 0;
        while (global.tryTake() == 0) {
            granted++;
        }
        assertThat(granted).isEqualTo(30);
    }
}
