package ai.pace42.telegram;

import ai.pace42.concurrent.DaemonThreads;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ActionType;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Shows "typing…" while the core prepares an answer. Telegram clears the status after five seconds or when the
 * bot sends a message, so it is repeated every four seconds until stopped. A failure is only logged: the
 * indicator is cosmetic.
 */
final class TypingIndicator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TypingIndicator.class);
    private static final long REPEAT_SECONDS = 4;

    private final TelegramClient client;
    private final ScheduledExecutorService scheduler;

    TypingIndicator(TelegramClient client) {
        this.client = client;
        this.scheduler = Executors.newScheduledThreadPool(2, DaemonThreads.named("telegram-typing"));
    }

    /** A running indicator; {@link #firstSent()} completes (never fails) once the first action went out. */
    record Typing(CompletableFuture<Void> firstSent, ScheduledFuture<?> repeat) {
        void stop() {
            if (repeat != null) {
                repeat.cancel(false);
            }
        }
    }

    Typing start(long chatId) {
        CompletableFuture<Void> first = new CompletableFuture<>();
        try {
            ScheduledFuture<?> repeat = scheduler.scheduleAtFixedRate(() -> {
                try {
                    client.execute(SendChatAction.builder().chatId(chatId).action(ActionType.TYPING.toString())
                            .build());
                } catch (TelegramApiException | RuntimeException e) {
                    LOG.debug("sendChatAction failed: {}", e.toString());
                } finally {
                    first.complete(null);
                }
            }, 0, REPEAT_SECONDS, TimeUnit.SECONDS);
            return new Typing(first, repeat);
        } catch (RejectedExecutionException stopped) {
            first.complete(null);
            return new Typing(first, null);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
