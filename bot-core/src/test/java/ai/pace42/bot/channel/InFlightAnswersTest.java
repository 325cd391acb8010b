package ai.pace42.bot.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class InFlightAnswersTest {

    @Test
    void stoppingWaitsForAnswersStillBeingSent() {
        InFlightAnswers inFlight = new InFlightAnswers();
        CompletableFuture<String> slow = inFlight.track(CompletableFuture.supplyAsync(() -> {
            sleep(100);
            return "sent";
        }));

        assertThat(inFlight.awaitAll(Duration.ofSeconds(10))).isZero();
        assertThat(slow).isCompletedWithValue("sent");
    }

    @Test
    void aFailedAnswerCountsAsDoneAndAHungOneIsReported() {
        InFlightAnswers inFlight = new InFlightAnswers();
        inFlight.track(CompletableFuture.failedFuture(new IllegalStateException("send refused")));
        CompletableFuture<Void> hung = inFlight.track(new CompletableFuture<>());

        assertThat(inFlight.awaitAll(Duration.ofMillis(50))).isEqualTo(1);
        hung.complete(null);
        assertThat(inFlight.awaitAll(Duration.ofMillis(50))).isZero();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
