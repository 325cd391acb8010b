package ai.pace42.bot.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.pace42.bot.testing.RecordingScheduler;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The one retry policy and its rescheduling runner, with waits written out by hand. */
class SendRetriesTest {

    private static final SendRetryPolicy POLICY = new SendRetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(30));
    private static final IllegalStateException BOOM = new IllegalStateException("platform said no");

    @Test
    void aRateLimitWaitsWhatThePlatformNamedCappedAtTheMaximum() {
        assertThat(POLICY.waitAfter(1, SendFailure.rateLimited(Duration.ofMillis(1500), BOOM)))
                .contains(Duration.ofMillis(1500));
        assertThat(POLICY.waitAfter(1, SendFailure.rateLimited(Duration.ofHours(1), BOOM)))
                .contains(Duration.ofSeconds(30));
        // Nothing readable named: back off like a transient failure.
        assertThat(POLICY.waitAfter(2, SendFailure.rateLimited(null, BOOM))).contains(Duration.ofMillis(1000));
    }

    @Test
    void transientFailuresDoubleFromTheBaseAndRefusalsAreNotRetried() {
        assertThat(POLICY.waitAfter(1, SendFailure.ofStatus(502, null, BOOM))).contains(Duration.ofMillis(500));
        assertThat(POLICY.waitAfter(2, SendFailure.ofStatus(503, null, BOOM))).contains(Duration.ofMillis(1000));
        assertThat(POLICY.waitAfter(3, SendFailure.ofStatus(0, null, BOOM))).contains(Duration.ofMillis(2000));
        assertThat(POLICY.waitAfter(1, SendFailure.ofStatus(403, null, BOOM))).isEmpty();
        assertThat(POLICY.waitAfter(1, SendFailure.ofStatus(400, null, BOOM))).isEmpty();
    }

    @Test
    void attemptsAreBoundedRateLimitsIncluded() {
        assertThat(POLICY.waitAfter(3, SendFailure.rateLimited(Duration.ofSeconds(1), BOOM))).isPresent();
        assertThat(POLICY.waitAfter(4, SendFailure.rateLimited(Duration.ofSeconds(1), BOOM))).isEmpty();
        assertThat(POLICY.waitAfter(4, SendFailure.transientFailure(BOOM))).isEmpty();
    }

    @Test
    void aWaitIsARescheduledAttemptNotABlockedThread() throws Exception {
        RecordingScheduler scheduler = RecordingScheduler.held();
        SendRetries retries = new SendRetries(POLICY, scheduler);
        AtomicInteger calls = new AtomicInteger();
        var sent = retries.run("test send", "rq-1", () -> {
            if (calls.incrementAndGet() == 1) {
                throw SendFailure.rateLimited(Duration.ofSeconds(3), BOOM);
            }
            return "ok";
        });
        assertThat(calls).hasValue(0); // even the first attempt runs on the scheduler, not the caller
        scheduler.runNext();
        // The 429 returned the thread: the retry is a held task, nothing was sent meanwhile.
        assertThat(calls).hasValue(1);
        assertThat(sent).isNotDone();
        assertThat(scheduler.waits()).containsExactly(Duration.ofSeconds(3));
        scheduler.runNext();
        assertThat(sent.get()).isEqualTo("ok");
        assertThat(calls).hasValue(2);
    }

    @Test
    void givingUpFailsWithTheAdaptersOwnException() {
        RecordingScheduler scheduler = RecordingScheduler.inline();
        AtomicInteger calls = new AtomicInteger();
        var sent = new SendRetries(POLICY, scheduler).run("test send", "rq-2", () -> {
            calls.incrementAndGet();
            throw SendFailure.ofStatus(500, null, BOOM);
        });
        assertThatThrownBy(sent::get).isInstanceOf(ExecutionException.class).hasCause(BOOM);
        assertThat(calls).hasValue(4);
        assertThat(scheduler.waits()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000),
                Duration.ofMillis(2000));
    }

    @Test
    void aRefusalIsTriedOnce() {
        RecordingScheduler scheduler = RecordingScheduler.inline();
        AtomicInteger calls = new AtomicInteger();
        var sent = new SendRetries(POLICY, scheduler).run("test send", "rq-3", () -> {
            calls.incrementAndGet();
            throw SendFailure.ofStatus(404, null, BOOM);
        });
        assertThat(sent).isCompletedExceptionally();
        assertThat(calls).hasValue(1);
        assertThat(scheduler.waits()).isEmpty();
    }
}
