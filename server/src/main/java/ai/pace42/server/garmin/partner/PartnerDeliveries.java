package ai.pace42.server.garmin.partner;

import ai.pace42.garmin.partner.PartnerInbox;
import ai.pace42.garmin.partner.PartnerPing;
import ai.pace42.garmin.partner.PartnerPush;
import ai.pace42.server.http.RequestIds;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Handles Garmin's notifications off the request thread, so the endpoint answers Garmin at once. Work is bounded
 * by the executor's queue; when it is full the delivery is refused (Garmin retries later) rather than queued
 * without limit. Logs name a Garmin user only by a hash.
 */
public final class PartnerDeliveries implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerDeliveries.class);

    private final PartnerInbox inbox;
    private final ExecutorService executor;

    public PartnerDeliveries(PartnerInbox inbox, ExecutorService executor) {
        this.inbox = inbox;
        this.executor = executor;
    }

    /** @return false when the work queue is full */
    public boolean acceptPings(List<PartnerPing> pings, String requestId) {
        return submit(requestId, pings.stream().map(p -> (Supplier<Logged>) () ->
                new Logged("ping " + p.summaryType(), p.userId(), inbox.ping(p))).toList());
    }

    /** @return false when the work queue is full */
    public boolean acceptPushes(List<PartnerPush> pushes, String requestId) {
        return submit(requestId, pushes.stream().map(p -> (Supplier<Logged>) () ->
                new Logged("push " + p.summaryType(), p.userId(), inbox.push(p))).toList());
    }

    private record Logged(String what, String userId, PartnerInbox.Outcome outcome) {
    }

    private boolean submit(String requestId, List<Supplier<Logged>> work) {
        if (work.isEmpty()) {
            return true;
        }
        try {
            executor.execute(() -> {
                MDC.put(RequestIds.MDC_KEY, requestId);
                try {
                    work.forEach(w -> log(w.get()));
                } catch (RuntimeException e) {
                    LOG.error("garmin notification failed: {}", e.getClass().getSimpleName());
                } finally {
                    MDC.remove(RequestIds.MDC_KEY);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    private static void log(Logged l) {
        PartnerInbox.Outcome o = l.outcome();
        String user = JdbiPartnerUsers.logHash(l.userId());
        switch (o.status()) {
            case STORED -> LOG.info("garmin {}: {} run(s) filed for garmin user #{}", l.what(), o.stored(), user);
            case IGNORED_TYPE -> LOG.debug("garmin {}: summary type not used", l.what());
            case UNKNOWN_USER -> LOG.info("garmin {} for unknown garmin user #{} ignored", l.what(), user);
            case FAILED -> LOG.warn("garmin {} for garmin user #{} failed: {}", l.what(), user,
                    o.problem().map(p -> p.code().name()).orElse("?"));
        }
    }

    /** Lets deliveries in hand finish (up to 10 s). */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
