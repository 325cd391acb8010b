package ai.pace42.bot.notice;

import ai.pace42.bot.account.Account;
import ai.pace42.bot.conversation.StatusContributor;
import ai.pace42.bot.data.LinkHealth;
import ai.pace42.bot.data.LinkedSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks each Garmin link's credentials with one cheap real call: right after linking, then every
 * {@link #INTERVAL} ± {@link #JITTER} (so checks of links made together spread out), at most a bounded number per
 * round. The verdict is stored in {@code link_health}; a link that turns broken is announced to the runner once
 * (the {@code told_health} column is claimed atomically, so two instances never both tell), and /status shows it.
 */
public final class LinkHealthMonitor implements StatusContributor {

    static final Duration INTERVAL = Duration.ofHours(12);
    static final Duration JITTER = Duration.ofHours(1);
    /** A check without a verdict (Garmin down) is tried again sooner than a decided one. */
    static final Duration RETRY = Duration.ofHours(1);
    /** While one instance checks a link, the others leave it alone. */
    static final Duration CLAIM = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(LinkHealthMonitor.class);

    private final Jdbi jdbi;
    private final LinkedSource garmin;
    private final Notices notices;
    private final Clock clock;
    private final RandomGenerator random;

    public LinkHealthMonitor(Jdbi jdbi, LinkedSource garmin, Notices notices, Clock clock, RandomGenerator random) {
        this.jdbi = jdbi;
        this.garmin = garmin;
        this.notices = notices;
        this.clock = clock;
        this.random = random;
    }

    /** Checks the links that are due, at most {@code max} of them; returns how many were checked. Never throws. */
    public int checkDue(int max) {
        long now = clock.instant().toEpochMilli();
        List<String> due;
        try {
            due = jdbi.withHandle(h -> h.createQuery("SELECT a.id FROM accounts a LEFT JOIN link_health l "
                            + "ON l.account_id = a.id WHERE a.data_source = 'garmin' AND (l.account_id IS NULL "
                            + "OR l.next_check_at <= :now) ORDER BY COALESCE(l.next_check_at, 0) LIMIT :max")
                    .bind("now", now).bind("max", max).mapTo(String.class).list());
        } catch (RuntimeException e) {
            LOG.warn("link health round skipped: {}", e.getClass().getSimpleName());
            return 0;
        }
        int checked = 0;
        for (String accountId : due) {
            try { // one failing link never ends the round (nor the schedule running it)
                if (claim(accountId, now)) {
                    check(accountId);
                    checked++;
                }
            } catch (RuntimeException e) {
                LOG.warn("link health check failed: {}", e.getClass().getSimpleName());
            }
        }
        return checked;
    }

    /** Checks a link just made: the verdict of an earlier link is dropped first. The verdict, if any. */
    public Optional<LinkHealth> linked(String accountId) {
        try {
            jdbi.useHandle(h -> h.createUpdate("DELETE FROM link_health WHERE account_id = :a")
                    .bind("a", accountId).execute());
            claim(accountId, clock.instant().toEpochMilli());
            return check(accountId);
        } catch (RuntimeException e) {
            LOG.warn("link health check failed: {}", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** The last verdict of the account's Garmin link, empty when never decided or no longer linked. */
    public Optional<LinkHealth> of(String accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT l.health FROM link_health l JOIN accounts a ON "
                        + "a.id = l.account_id WHERE l.account_id = :a AND l.checked_at > 0 AND a.data_source = "
                        + "'garmin'").bind("a", accountId).mapTo(String.class).findOne())
                .map(LinkHealth::fromColumn);
    }

    /** Linked accounts by their last verdict ({@code unchecked}: no verdict yet), for /admin and the admin page. */
    public Map<String, Long> counts() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (LinkHealth h : LinkHealth.values()) {
            out.put(h.column(), 0L);
        }
        out.put("unchecked", 0L);
        jdbi.useHandle(h -> h.createQuery("SELECT CASE WHEN l.checked_at > 0 THEN l.health ELSE 'unchecked' END "
                        + "AS verdict, COUNT(*) AS n FROM accounts a LEFT JOIN link_health l ON l.account_id = a.id "
                        + "WHERE a.data_source = 'garmin' GROUP BY CASE WHEN l.checked_at > 0 THEN l.health "
                        + "ELSE 'unchecked' END")
                .map((rs, ctx) -> Map.entry(rs.getString("verdict"), rs.getLong("n")))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    /** A broken link shows in /status with what to do, as long as it is broken. */
    @Override
    public List<String> statusLines(Account account) {
        try {
            return of(account.id()).filter(h -> h != LinkHealth.HEALTHY)
                    .map(h -> List.of("- **Garmin link:** " + h.notice())).orElse(List.of());
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private Optional<LinkHealth> check(String accountId) {
        Optional<LinkHealth> verdict = garmin.checkHealth(accountId);
        Instant now = clock.instant();
        if (verdict.isEmpty()) {
            jdbi.useHandle(h -> h.createUpdate("UPDATE link_health SET next_check_at = :next WHERE account_id = :a")
                    .bind("next", now.plus(RETRY).toEpochMilli()).bind("a", accountId).execute());
            return verdict;
        }
        LinkHealth health = verdict.get();
        long next = now.plus(INTERVAL).plusMillis(random.nextLong(-JITTER.toMillis(), JITTER.toMillis() + 1))
                .toEpochMilli();
        jdbi.useHandle(h -> h.createUpdate("UPDATE link_health SET health = :h, checked_at = :at, "
                        + "next_check_at = :next WHERE account_id = :a")
                .bind("h", health.column()).bind("at", now.toEpochMilli()).bind("next", next)
                .bind("a", accountId).execute());
        tellOnce(accountId, health);
        return verdict;
    }

    /** The runner hears about a broken link once; a healthy verdict re-arms the notice for the next break. */
    private void tellOnce(String accountId, LinkHealth health) {
        int claimed = jdbi.withHandle(h -> h.createUpdate("UPDATE link_health SET told_health = :h "
                        + "WHERE account_id = :a AND (told_health IS NULL OR told_health <> :h)")
                .bind("h", health.column()).bind("a", accountId).execute());
        if (claimed == 0 || health == LinkHealth.HEALTHY) {
            return;
        }
        if (!notices.tell(accountId, health.notice())) {
            // No chat to push to (e.g. the browser): the next check tries again; /status says it meanwhile.
            jdbi.useHandle(h -> h.createUpdate("UPDATE link_health SET told_health = NULL WHERE account_id = :a")
                    .bind("a", accountId).execute());
        }
    }

    /** True when this instance may check the link now: its row was due (or absent) and is now claimed. */
    private boolean claim(String accountId, long now) {
        long until = now + CLAIM.toMillis();
        return jdbi.withHandle(h -> h.createUpdate("INSERT INTO link_health (account_id, health, checked_at, "
                        + "next_check_at) VALUES (:a, 'healthy', 0, :until) ON CONFLICT (account_id) DO UPDATE "
                        + "SET next_check_at = :until WHERE link_health.next_check_at <= :now")
                .bind("a", accountId).bind("until", until).bind("now", now).execute()) == 1;
    }
}
