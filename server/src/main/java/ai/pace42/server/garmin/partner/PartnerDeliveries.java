package ai.pace42.server.garmin.partner;

import ai.pace42.garmin.Result;
import ai.pace42.garmin.partner.PartnerInbox;
import ai.pace42.garmin.partner.PartnerNotifications;
import ai.pace42.garmin.partner.PartnerPing;
import ai.pace42.garmin.partner.PartnerPush;
import ai.pace42.garmin.normalise.PayloadReader;
import ai.pace42.server.http.RequestIds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Garmin's notifications: what the endpoint accepts is written to the database first (only items pace42 would
 * file: a run-carrying type, for a Garmin user whose stored link agrees), then filed by a worker off the request
 * thread. The worker also sweeps every 30 s, so rows left by a restart, a crash or another instance are filed too.
 * Logs name a Garmin user only by a hash.
 */
public final class PartnerDeliveries implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerDeliveries.class);
    static final long SWEEP_SECONDS = 30;

    private final PartnerInbox inbox;
    private final PartnerNotifications parser;
    private final JdbiPartnerQueue queue;
    private final ScheduledExecutorService worker;
    private final AtomicBoolean nudged = new AtomicBoolean();

    PartnerDeliveries(PartnerInbox inbox, PartnerNotifications parser, JdbiPartnerQueue queue,
                      ScheduledExecutorService worker) {
        this.inbox = inbox;
        this.parser = parser;
        this.queue = queue;
        this.worker = worker;
    }

    public static PartnerDeliveries create(PartnerInbox inbox, PartnerNotifications parser,
                                           org.jdbi.v3.core.Jdbi jdbi, java.time.Clock clock,
                                           ScheduledExecutorService worker) {
        return new PartnerDeliveries(inbox, parser, new JdbiPartnerQueue(jdbi, clock), worker);
    }

    /** Files what a previous run left, then keeps sweeping. */
    public void start() {
        worker.scheduleWithFixedDelay(this::drain, 0, SWEEP_SECONDS, TimeUnit.SECONDS);
    }

    /** @return false when the queue is full (nothing was stored; Garmin delivers again later) */
    public boolean acceptPings(List<PartnerPing> pings) {
        List<JdbiPartnerQueue.Entry> entries = new ArrayList<>();
        for (PartnerPing p : pings) {
            if (fileable(p.summaryType(), p.userId(), "ping")) {
                ObjectNode item = PayloadReader.mapper().createObjectNode()
                        .put("userId", p.userId()).put("callbackURL", p.callbackUrl().toString());
                entries.add(new JdbiPartnerQueue.Entry(JdbiPartnerQueue.Kind.PING, oneItem(p.summaryType(), item)));
            }
        }
        return store(entries);
    }

    /** @return false when the queue is full (nothing was stored; Garmin delivers again later) */
    public boolean acceptPushes(List<PartnerPush> pushes) {
        List<JdbiPartnerQueue.Entry> entries = new ArrayList<>();
        for (PartnerPush p : pushes) {
            if (fileable(p.summaryType(), p.userId(), "push")) {
                entries.add(new JdbiPartnerQueue.Entry(JdbiPartnerQueue.Kind.PUSH,
                        oneItem(p.summaryType(), p.summary())));
            }
        }
        return store(entries);
    }

    private boolean fileable(String summaryType, String userId, String what) {
        if (!inbox.wanted(summaryType)) {
            return false;
        }
        if (inbox.accountFor(userId).isEmpty()) {
            LOG.info("garmin {} for unknown or unlinked garmin user #{} not filed", what,
                    JdbiPartnerUsers.logHash(userId));
            return false;
        }
        return true;
    }

    private static String oneItem(String summaryType, JsonNode item) {
        ObjectNode body = PayloadReader.mapper().createObjectNode();
        body.putArray(summaryType).add(item);
        return body.toString();
    }

    private boolean store(List<JdbiPartnerQueue.Entry> entries) {
        if (entries.isEmpty()) {
            return true;
        }
        if (!queue.add(entries)) {
            LOG.warn("garmin notifications refused: {} waiting already", JdbiPartnerQueue.MAX_QUEUED);
            return false;
        }
        nudge();
        return true;
    }

    private void nudge() {
        if (nudged.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    nudged.set(false);
                    drain();
                });
            } catch (RejectedExecutionException e) {
                nudged.set(false); // stopping: the rows wait in the database for the next start
            }
        }
    }

    /** Files every due row; never throws (it runs on the worker's schedule). */
    void drain() {
        try {
            for (Optional<JdbiPartnerQueue.Row> row = queue.claim(); row.isPresent(); row = queue.claim()) {
                file(row.get());
            }
        } catch (RuntimeException e) {
            LOG.error("garmin notification queue unreadable: {}", e.getClass().getSimpleName());
        }
    }

    private void file(JdbiPartnerQueue.Row row) {
        MDC.put(RequestIds.MDC_KEY, row.id());
        try {
            List<PartnerInbox.Outcome> outcomes = new ArrayList<>();
            List<String> users = new ArrayList<>();
            if (row.kind() == JdbiPartnerQueue.Kind.PING) {
                Result<List<PartnerPing>> pings = parser.parsePing(row.body());
                (pings.isOk() ? pings.value() : List.<PartnerPing>of()).forEach(p -> {
                    users.add(p.userId());
                    outcomes.add(inbox.ping(p));
                });
            } else {
                Result<List<PartnerPush>> pushes = parser.parsePush(row.body());
                (pushes.isOk() ? pushes.value() : List.<PartnerPush>of()).forEach(p -> {
                    users.add(p.userId());
                    outcomes.add(inbox.push(p));
                });
            }
            boolean failed = outcomes.stream().anyMatch(o -> o.status() == PartnerInbox.Status.FAILED);
            for (int i = 0; i < outcomes.size(); i++) {
                log(row, users.get(i), outcomes.get(i));
            }
            if (!failed) {
                queue.done(row.id());
            } else if (!queue.retryLater(row)) {
                LOG.warn("garmin {} given up after {} attempts", row.kind(), JdbiPartnerQueue.MAX_ATTEMPTS);
            }
        } catch (RuntimeException e) {
            LOG.error("garmin notification failed: {}", e.getClass().getSimpleName());
            queue.retryLater(row);
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    private static void log(JdbiPartnerQueue.Row row, String userId, PartnerInbox.Outcome o) {
        String what = row.kind().name().toLowerCase(java.util.Locale.ROOT);
        String user = JdbiPartnerUsers.logHash(userId);
        switch (o.status()) {
            case STORED -> LOG.info("garmin {}: {} run(s) filed for garmin user #{}", what, o.stored(), user);
            case IGNORED_TYPE -> LOG.debug("garmin {}: summary type not used", what);
            case UNKNOWN_USER -> LOG.info("garmin {} for garmin user #{} no longer linked: dropped", what, user);
            case FAILED -> LOG.warn("garmin {} for garmin user #{} failed: {}", what, user,
                    o.problem().map(p -> p.code().name()).orElse("?"));
        }
    }

    /** Lets the filing in hand finish (up to 10 s); rows not yet filed wait in the database. */
    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
