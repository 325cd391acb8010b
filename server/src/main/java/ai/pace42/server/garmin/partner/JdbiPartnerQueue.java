package ai.pace42.server.garmin.partner;

import ai.pace42.bot.persistence.Ids;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Garmin notifications acknowledged but not yet filed ({@code garmin_partner_notifications}). Written before the
 * endpoint answers 200, so a restart loses none; any instance may take a row (a claim moves its
 * {@code not_before} forward, so two workers never file the same row at once, and a crashed worker's row comes
 * back when its claim runs out).
 */
final class JdbiPartnerQueue {

    /** More than this waiting means something is stuck: refuse (Garmin retries) rather than grow without end. */
    static final int MAX_QUEUED = 10_000;
    static final int MAX_ATTEMPTS = 5;
    static final Duration CLAIM = Duration.ofMinutes(5);

    enum Kind { PING, PUSH }

    record Entry(Kind kind, String body) {
    }

    record Row(String id, Kind kind, String body, int attempts) {
    }

    private final Jdbi jdbi;
    private final Clock clock;

    JdbiPartnerQueue(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** All entries or none; false when the queue is full. */
    boolean add(List<Entry> entries) {
        long now = clock.millis();
        return jdbi.inTransaction(h -> {
            long queued = h.createQuery("SELECT COUNT(*) FROM garmin_partner_notifications").mapTo(Long.class).one();
            if (queued + entries.size() > MAX_QUEUED) {
                return false;
            }
            for (Entry e : entries) {
                h.createUpdate("INSERT INTO garmin_partner_notifications (id, kind, body, received_at, attempts, "
                                + "not_before) VALUES (:id, :k, :b, :t, 0, :t)")
                        .bind("id", Ids.newId("gpn")).bind("k", e.kind().name().toLowerCase(java.util.Locale.ROOT))
                        .bind("b", e.body()).bind("t", now).execute();
            }
            return true;
        });
    }

    /** The oldest row that is due, now claimed by the caller; empty when none is due. */
    Optional<Row> claim() {
        long now = clock.millis();
        for (int tries = 0; tries < 5; tries++) {
            Optional<Row> due = jdbi.withHandle(h -> h.createQuery("SELECT id, kind, body, attempts, not_before FROM "
                            + "garmin_partner_notifications WHERE not_before <= :now ORDER BY not_before LIMIT 1")
                    .bind("now", now)
                    .map((rs, ctx) -> new Claimable(new Row(rs.getString(1),
                            Kind.valueOf(rs.getString(2).toUpperCase(java.util.Locale.ROOT)), rs.getString(3),
                            rs.getInt(4)), rs.getLong(5)))
                    .findOne()).flatMap(c -> take(c, now));
            if (due.isPresent()) {
                return due;
            }
            if (!anyDue(now)) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private record Claimable(Row row, long notBefore) {
    }

    private Optional<Row> take(Claimable c, long now) {
        int taken = jdbi.withHandle(h -> h.createUpdate("UPDATE garmin_partner_notifications SET not_before = :until "
                        + "WHERE id = :id AND not_before = :seen")
                .bind("until", now + CLAIM.toMillis()).bind("id", c.row().id()).bind("seen", c.notBefore())
                .execute());
        return taken == 1 ? Optional.of(c.row()) : Optional.empty();
    }

    private boolean anyDue(long now) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM garmin_partner_notifications "
                + "WHERE not_before <= :now").bind("now", now).mapTo(Long.class).one()) > 0;
    }

    void done(String id) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM garmin_partner_notifications WHERE id = :id")
                .bind("id", id).execute());
    }

    /** @return false when the row was given up after its last attempt */
    boolean retryLater(Row row) {
        if (row.attempts() + 1 >= MAX_ATTEMPTS) {
            done(row.id());
            return false;
        }
        // 1, 4, 16, 64 minutes: Garmin's callback URLs stay valid for days.
        long wait = Duration.ofMinutes(1L << (2 * row.attempts())).toMillis();
        jdbi.useHandle(h -> h.createUpdate("UPDATE garmin_partner_notifications SET attempts = :n, "
                        + "not_before = :t WHERE id = :id")
                .bind("n", row.attempts() + 1).bind("t", clock.millis() + wait).bind("id", row.id()).execute());
        return true;
    }

    long size() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM garmin_partner_notifications")
                .mapTo(Long.class).one());
    }
}
