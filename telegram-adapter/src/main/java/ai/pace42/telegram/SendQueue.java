package ai.pace42.telegram;

import ai.pace42.bot.channel.SendFailure;
import ai.pace42.bot.channel.SendRetryPolicy;
import ai.pace42.concurrent.DaemonThreads;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;

/**
 * Paces every outgoing Bot API call. Each chat is a lane whose calls go out one at a time and in order, within a
 * per-chat token bucket; all lanes share a global bucket. Waiting is done by rescheduling, never by sleeping, so
 * no handler thread is ever blocked. What to do after a failed call is the core's {@link SendRetryPolicy}, as for
 * every platform: a 429 pauses the lane for {@code retry_after}; network and 5xx errors back off exponentially;
 * other API errors are logged with the request id and dropped; attempts are bounded.
 */
final class SendQueue implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SendQueue.class);
    /** Telegram names its flood waits in whole seconds, sometimes minutes; a wait longer than this is capped. */
    private static final Duration MAX_WAIT = Duration.ofMinutes(5);

    /** One Bot API call, e.g. a sendMessage. */
    @FunctionalInterface
    interface TelegramCall {
        void run() throws TelegramApiException;
    }

    private final TelegramSettings.SendLimits limits;
    private final SendRetryPolicy policy;
    private final LongSupplier nanoClock;
    private final TokenBucket global;
    private final ScheduledExecutorService scheduler;
    private final Map<Long, Lane> lanes = new ConcurrentHashMap<>();
    private final AtomicInteger pending = new AtomicInteger();
    private volatile boolean accepting = true;

    SendQueue(TelegramSettings.SendLimits limits, int threads) {
        this.limits = limits;
        this.policy = new SendRetryPolicy(limits.maxAttempts(), limits.retryBase(), MAX_WAIT);
        this.nanoClock = System::nanoTime;
        this.global = new TokenBucket((int) Math.max(1, Math.round(limits.globalPerSecond())),
                limits.globalPerSecond(), nanoClock);
        this.scheduler = Executors.newScheduledThreadPool(threads, DaemonThreads.named("telegram-send"));
        scheduler.scheduleWithFixedDelay(this::retireIdleLanes, 1, 1, TimeUnit.MINUTES);
    }

    /** Forgets chats with nothing queued and a full bucket, so a long-running bot does not keep every chat. */
    void retireIdleLanes() {
        lanes.values().forEach(Lane::retireIfIdle);
    }

    /** Chats currently tracked (for tests). */
    int lanes() {
        return lanes.size();
    }

    /** Queues a call for a chat; the future completes when it was sent, or fails when it was given up. */
    CompletableFuture<Void> submit(long chatId, String requestId, String what, TelegramCall call) {
        if (!accepting) {
            return CompletableFuture.failedFuture(new IllegalStateException("send queue stopped"));
        }
        Job job = new Job(requestId, what, call);
        pending.incrementAndGet();
        while (!lanes.computeIfAbsent(chatId, Lane::new).add(job)) {
            // The lane was retired by the sweeper in between; the next computeIfAbsent makes a fresh one.
        }
        return job.done;
    }

    /** Calls queued or being sent. */
    int pending() {
        return pending.get();
    }

    /** Stops taking calls, lets queued ones finish for up to {@code timeoutMillis}, then stops. */
    void close(long timeoutMillis) {
        accepting = false;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (pending.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (pending.get() > 0) {
            LOG.warn("telegram send queue stopped with {} call(s) unsent", pending.get());
        }
        scheduler.shutdownNow();
    }

    @Override
    public void close() {
        close(10_000);
    }

    private static final class Job {
        final String requestId;
        final String what;
        final TelegramCall call;
        final CompletableFuture<Void> done = new CompletableFuture<>();
        int attempts;

        Job(String requestId, String what, TelegramCall call) {
            this.requestId = requestId;
            this.what = what;
            this.call = call;
        }
    }

    /** One chat's calls. At most one drain step is scheduled or running per lane, which keeps them in order. */
    private final class Lane {
        private final long chatId;
        private final Deque<Job> jobs = new ArrayDeque<>();
        private final TokenBucket bucket;
        private boolean scheduled;
        private boolean retired;
        private long notBefore;

        Lane(long chatId) {
            this.chatId = chatId;
            this.bucket = new TokenBucket(limits.perChatBurst(), limits.perChatPerSecond(), nanoClock);
            this.notBefore = nanoClock.getAsLong();
        }

        /** False when this lane was retired: the caller takes a new one. */
        boolean add(Job job) {
            synchronized (this) {
                if (retired) {
                    return false;
                }
                jobs.addLast(job);
                if (scheduled) {
                    return true;
                }
                scheduled = true;
            }
            schedule(0);
            return true;
        }

        /** A new lane starts with a full burst, so only a lane whose bucket is full again can be dropped safely. */
        synchronized void retireIfIdle() {
            if (!scheduled && jobs.isEmpty() && bucket.isFull() && nanoClock.getAsLong() >= notBefore) {
                retired = true;
                lanes.remove(chatId, this);
            }
        }

        private void schedule(long delayNanos) {
            try {
                scheduler.schedule(this::step, delayNanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException stopped) {
                failAll(stopped);
            }
        }

        private void step() {
            Job job;
            synchronized (this) {
                job = jobs.peekFirst();
                if (job == null) {
                    scheduled = false;
                    return;
                }
            }
            long wait = Math.max(notBefore - nanoClock.getAsLong(), bucket.nanosUntilToken());
            if (wait <= 0) {
                wait = global.tryTake();
            }
            if (wait > 0) {
                schedule(wait);
                return;
            }
            bucket.tryTake();
            attempt(job);
        }

        private void attempt(Job job) {
            job.attempts++;
            try {
                job.call.run();
                finish(job, null);
            } catch (TelegramApiRequestException e) {
                Integer code = e.getErrorCode();
                Integer seconds = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
                RuntimeException surfaced = new IllegalStateException("telegram " + job.what + " refused: " + code
                        + " " + e.getApiResponse(), e);
                retryOrGiveUp(job, SendFailure.ofStatus(code == null ? 0 : code,
                        seconds == null ? null : Duration.ofSeconds(seconds), surfaced));
            } catch (TelegramApiValidationException e) {
                LOG.error("telegram {} for request {} is invalid: {}", job.what, job.requestId, e.getMessage());
                finish(job, e);
            } catch (TelegramApiException | RuntimeException e) {
                retryOrGiveUp(job, SendFailure.transientFailure(new IllegalStateException(e.toString(), e)));
            }
        }

        /** The core's {@link SendRetryPolicy} decides; this lane only turns its wait into a paused lane. */
        private void retryOrGiveUp(Job job, SendFailure failure) {
            Optional<Duration> wait = policy.waitAfter(job.attempts, failure);
            if (wait.isEmpty()) {
                LOG.error("telegram {} for request {} given up after {} attempt(s): {}", job.what, job.requestId,
                        job.attempts, failure.surfaced().getMessage());
                finish(job, failure.surfaced());
                return;
            }
            LOG.warn("telegram {} for request {} failed ({}, attempt {}), retrying in {} ms", job.what,
                    job.requestId, failure.kind(), job.attempts, wait.get().toMillis());
            pauseAndRetry(wait.get().toNanos());
        }

        private void pauseAndRetry(long nanos) {
            notBefore = nanoClock.getAsLong() + nanos;
            schedule(nanos);
        }

        private void finish(Job job, Exception failure) {
            synchronized (this) {
                jobs.pollFirst();
            }
            pending.decrementAndGet();
            if (failure == null) {
                job.done.complete(null);
            } else {
                job.done.completeExceptionally(failure);
            }
            schedule(0);
        }

        private void failAll(Exception cause) {
            synchronized (this) {
                for (Job j : jobs) {
                    pending.decrementAndGet();
                    j.done.completeExceptionally(cause);
                }
                jobs.clear();
                scheduled = false;
            }
            LOG.debug("lane {} dropped: scheduler stopped", chatId);
        }
    }
}
