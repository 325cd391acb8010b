package ai.pace42.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/** Pacing and ordering of the send queue, with calls that only record when they ran. */
class SendQueueTest {

    private record Sent(long chatId, int n, long atNanos) {
    }

    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private SendQueue queue;

    @AfterEach
    void stop() {
        queue.close(1_000);
    }

    private CompletableFuture<Void> send(long chatId, int n) {
        return queue.submit(chatId, "req-" + n, "sendMessage", () -> sent.add(new Sent(chatId, n, System.nanoTime())));
    }

    @Test
    void oneChatIsPacedAndKeepsItsOrder() throws Exception {
        queue = new SendQueue(new TelegramSettings.SendLimits(20.0, 1, 1000.0, Duration.ofMillis(10), 3), 4);
        long start = System.nanoTime();

        CompletableFuture<?>[] all = new CompletableFuture<?>[6];
        for (int i = 0; i < 6; i++) {
            all[i] = send(42, i);
        }
        CompletableFuture.allOf(all).get(5, TimeUnit.SECONDS);

        assertThat(sent).extracting(Sent::n).containsExactly(0, 1, 2, 3, 4, 5);
        // 20 per second with no burst: five gaps of 50 ms.
        assertThat(sent.get(5).atNanos() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(240));
    }

    @Test
    void aBusyChatDoesNotHoldUpAnother() throws Exception {
        // Chat 1 needs two seconds for its five messages; chat 2's one message must not wait for them.
        queue = new SendQueue(new TelegramSettings.SendLimits(2.0, 1, 1000.0, Duration.ofMillis(10), 3), 4);

        for (int i = 0; i < 5; i++) {
            send(1, i);
        }
        send(2, 100).get(5, TimeUnit.SECONDS);

        // Chat 2's message went out while chat 1 still had paced messages waiting.
        assertThat(sent.stream().filter(s -> s.chatId() == 1).count()).isLessThan(5);
    }

    @Test
    void theGlobalLimitPacesAllChatsTogether() throws Exception {
        queue = new SendQueue(new TelegramSettings.SendLimits(100.0, 5, 10.0, Duration.ofMillis(10), 3), 4);
        long start = System.nanoTime();

        CompletableFuture<?>[] all = new CompletableFuture<?>[20];
        for (int i = 0; i < 20; i++) {
            all[i] = send(1000 + i, i);
        }
        CompletableFuture.allOf(all).get(10, TimeUnit.SECONDS);

        // A burst of 10, then 10 more at 10 per second.
        assertThat(sent.get(19).atNanos() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(900));
    }

    @Test
    void aCallThatKeepsFailingIsGivenUpAfterTheLastAttempt() {
        queue = new SendQueue(new TelegramSettings.SendLimits(100.0, 5, 100.0, Duration.ofMillis(5), 3), 2);
        List<Long> attempts = new CopyOnWriteArrayList<>();

        CompletableFuture<Void> result = queue.submit(7, "req-x", "sendMessage", () -> {
            attempts.add(System.nanoTime());
            throw new TelegramApiRequestException("Unable to execute sendmessage method",
                    new java.io.IOException("connection reset"));
        });

        assertThat(result).failsWithin(Duration.ofSeconds(5));
        assertThat(attempts).hasSize(3);
        assertThat(queue.pending()).isZero();
    }

    @Test
    void idleChatsAreForgottenOnceTheirBurstIsBackAndCanWriteAgain() throws Exception {
        queue = new SendQueue(new TelegramSettings.SendLimits(20.0, 2, 1000.0, Duration.ofMillis(10), 3), 2);
        send(1, 1).get(5, TimeUnit.SECONDS);
        send(2, 2).get(5, TimeUnit.SECONDS);

        queue.retireIdleLanes();
        assertThat(queue.lanes()).as("buckets not refilled yet").isEqualTo(2);
        Thread.sleep(120);
        queue.retireIdleLanes();
        assertThat(queue.lanes()).isZero();

        send(1, 3).get(5, TimeUnit.SECONDS);
        assertThat(sent).extracting(Sent::n).containsExactly(1, 2, 3);
    }
}
