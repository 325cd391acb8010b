package ai.pace42.bot.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.pace42.bot.error.ErrorCode;
import ai.pace42.bot.error.Pace42Exception;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class KeyedSerialExecutorTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    @Test
    void tasksOfOneKeyRunInSubmissionOrderOneAtATime() throws Exception {
        KeyedSerialExecutor executor = new KeyedSerialExecutor(pool, 1000);
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        int[] running = {0};
        int[] maxRunning = {0};
        List<CompletableFuture<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int n = i;
            futures.add(executor.submit("runner-a", () -> {
                synchronized (running) {
                    running[0]++;
                    maxRunning[0] = Math.max(maxRunning[0], running[0]);
                }
                order.add(n);
                synchronized (running) {
                    running[0]--;
                }
                return n;
            }));
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

        assertThat(order).isSorted().hasSize(200);
        assertThat(maxRunning[0]).isEqualTo(1);
        assertThat(executor.activeKeys()).isZero();
    }

    @Test
    void differentKeysRunInParallel() throws Exception {
        KeyedSerialExecutor executor = new KeyedSerialExecutor(pool, 10);
        CountDownLatch bothStarted = new CountDownLatch(2);
        CompletableFuture<Boolean> a = executor.submit("a", () -> awaitQuietly(bothStarted));
        CompletableFuture<Boolean> b = executor.submit("b", () -> awaitQuietly(bothStarted));

        // Each task waits for the other to start: this only completes if they overlap.
        assertThat(a.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(b.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aFailingTaskDoesNotStopTheNextOne() throws Exception {
        KeyedSerialExecutor executor = new KeyedSerialExecutor(pool, 10);
        CompletableFuture<String> failing = executor.submit("k", () -> {
            throw new IllegalStateException("boom");
        });
        CompletableFuture<String> next = executor.submit("k", () -> "still answered");

        assertThat(next.get(5, TimeUnit.SECONDS)).isEqualTo("still answered");
        assertThatThrownBy(failing::get).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesWithBusyBeyondTheBound() throws Exception {
        KeyedSerialExecutor executor = new KeyedSerialExecutor(pool, 2);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> first = executor.submit("k", () -> waitFor(release));
        CompletableFuture<Boolean> second = executor.submit("k", () -> true);
        CompletableFuture<Boolean> third = executor.submit("k", () -> true);

        assertThatThrownBy(third::get).hasCauseInstanceOf(Pace42Exception.class)
                .cause().extracting(e -> ((Pace42Exception) e).code()).isEqualTo(ErrorCode.BUSY);
        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(second.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(executor.submit("k", () -> true).get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void theSubmittersMdcTravelsWithTheTask() throws Exception {
        KeyedSerialExecutor executor = new KeyedSerialExecutor(pool, 10);
        MDC.put("requestId", "req-123");
        try {
            assertThat(executor.submit("k", () -> MDC.get("requestId")).get(5, TimeUnit.SECONDS))
                    .isEqualTo("req-123");
        } finally {
            MDC.clear();
        }
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        latch.countDown();
        return waitFor(latch);
    }

    private static boolean waitFor(CountDownLatch latch) {
        try {
            return latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
