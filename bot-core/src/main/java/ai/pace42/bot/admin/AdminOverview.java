package ai.pace42.bot.admin;

import ai.pace42.bot.notice.LinkHealthMonitor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/**
 * What the read-only admin page shows, as counts only: accounts, chat sessions active in the last day and week by
 * platform, messages per day, Garmin links by health, and errors by code since this instance started. No
 * names, no message contents, no tokens, no account ids.
 */
public final class AdminOverview {

    /** The page's numbers. {@code messagesPerDay} is by UTC day, oldest first; errors are per code. */
    public record Snapshot(long accounts, Map<String, Long> sessionsLastDay, Map<String, Long> sessionsLastWeek,
                           Map<String, Long> messagesPerDay, Map<String, Long> linkHealth,
                           Map<String, Long> errorsByCode) {
    }

    static final int DAYS = 14;

    private final Jdbi jdbi;
    private final LinkHealthMonitor linkHealth;
    private final MeterRegistry meters;
    private final Clock clock;

    public AdminOverview(Jdbi jdbi, LinkHealthMonitor linkHealth, MeterRegistry meters, Clock clock) {
        this.jdbi = jdbi;
        this.linkHealth = linkHealth;
        this.meters = meters;
        this.clock = clock;
    }

    public Snapshot snapshot() {
        long now = clock.millis();
        long accounts = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM accounts").mapTo(Long.class).one());
        return new Snapshot(accounts, sessionsSince(now - Duration.ofDays(1).toMillis()),
                sessionsSince(now - Duration.ofDays(7).toMillis()), messagesPerDay(), linkHealth.counts(), errors());
    }

    /** Conversations that wrote since the instant, by platform. */
    private Map<String, Long> sessionsSince(long since) {
        Map<String, Long> out = new TreeMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT platform, COUNT(*) AS n FROM known_conversations "
                        + "WHERE last_seen >= :since GROUP BY platform").bind("since", since)
                .map((rs, ctx) -> Map.entry(rs.getString("platform"), rs.getLong("n")))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    private Map<String, Long> messagesPerDay() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = DAYS - 1; i >= 0; i--) {
            out.put(today.minusDays(i).toString(), 0L);
        }
        jdbi.useHandle(h -> h.createQuery("SELECT day, SUM(messages) AS n FROM usage_daily WHERE day >= :from "
                        + "GROUP BY day").bind("from", today.minusDays(DAYS - 1L).toString())
                .map((rs, ctx) -> Map.entry(rs.getString("day"), rs.getLong("n")))
                .forEach(e -> out.computeIfPresent(e.getKey(), (k, v) -> e.getValue())));
        return out;
    }

    /** pace42.errors and pace42.garmin.errors, summed per code. */
    private Map<String, Long> errors() {
        Map<String, Long> out = new TreeMap<>();
        for (String name : new String[] {"pace42.errors", "pace42.garmin.errors"}) {
            for (Counter c : meters.find(name).counters()) {
                out.merge(c.getId().getTag("code"), (long) c.count(), Long::sum);
            }
        }
        return out;
    }
}
