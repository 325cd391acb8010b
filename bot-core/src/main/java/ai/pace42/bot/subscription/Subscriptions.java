package ai.pace42.bot.subscription;

import ai.pace42.bot.plans.PlanAllowance;
import ai.pace42.bot.plans.PlanStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Who is on which tier, and coach questions per month. Premium lasts while {@code paid_until} is ahead; a
 * downgrade keeps every plan and pauses the active ones beyond the free allowance, never deleting one.
 */
public final class Subscriptions implements PlanAllowance {

    public enum Tier { FREE, PREMIUM }

    public record State(Tier tier, String status, Optional<Instant> paidUntil, long questionsThisMonth,
                        int questionLimit, LocalDate resetsOn) {
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final SubscriptionSettings settings;
    private final PlanStore plans;

    public Subscriptions(Jdbi jdbi, Clock clock, SubscriptionSettings settings, PlanStore plans) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.settings = settings;
        this.plans = plans;
    }

    public SubscriptionSettings settings() {
        return settings;
    }

    public Tier tier(String accountId) {
        return paidUntil(accountId).filter(t -> t.isAfter(clock.instant())).isPresent() ? Tier.PREMIUM : Tier.FREE;
    }

    @Override
    public int activePlans(String accountId) {
        return tier(accountId) == Tier.PREMIUM ? Integer.MAX_VALUE : settings.freeActivePlans();
    }

    /** Checked on read (plan questions, /plan, the plans API): no scheduler has to notice a grant running out. */
    @Override
    public int settle(String accountId) {
        int free = settings.freeActivePlans();
        if (tier(accountId) == Tier.PREMIUM || plans.countActive(accountId) <= free) {
            return 0;
        }
        return plans.pauseBeyond(accountId, free);
    }

    public State state(String accountId) {
        Optional<String> status = jdbi.withHandle(h -> h.createQuery("SELECT status FROM subscriptions WHERE account_id = :a")
                .bind("a", accountId).mapTo(String.class).findFirst());
        Tier tier = tier(accountId);
        return new State(tier, tier == Tier.FREE && status.isEmpty() ? "free" : status.orElse("free"), paidUntil(accountId),
                questionsThisMonth(accountId), settings.freeQuestionsPerMonth(), month().plusMonths(1).atDay(1));
    }

    public long questionsThisMonth(String accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT questions FROM coach_usage_monthly WHERE account_id = :a AND month = :m")
                .bind("a", accountId).bind("m", month().toString()).mapTo(Long.class).findFirst().orElse(0L));
    }

    /** Counted after the coach answered, so a failed answer never uses up the allowance. */
    public void recordQuestion(String accountId) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO coach_usage_monthly (account_id, month, questions) VALUES (:a, :m, 1) "
                        + "ON CONFLICT (account_id, month) DO UPDATE SET questions = coach_usage_monthly.questions + 1")
                .bind("a", accountId).bind("m", month().toString()).execute());
    }

    /** An operator's grant: premium for {@code days} more days from now or from the current paid-until. */
    public Instant grant(String accountId, int days, String source) {
        Instant now = clock.instant();
        Instant from = paidUntil(accountId).filter(t -> t.isAfter(now)).orElse(now);
        Instant until = from.plus(Duration.ofDays(days));
        upsert(accountId, "premium", "active", until, source, null);
        return until;
    }

    /** Ends premium now (refund, operator revoke) and pauses plans beyond the free allowance. */
    public int revoke(String accountId, String status, String source, Long eventAt) {
        upsert(accountId, "free", status, clock.instant(), source, eventAt);
        return plans.pauseBeyond(accountId, settings.freeActivePlans());
    }

    void upsert(String accountId, String tier, String status, Instant paidUntil, String source, Long eventAt) {
        long now = clock.millis();
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO subscriptions (account_id, tier, status, paid_until, source, last_event_at, updated_at) "
                        + "VALUES (:a, :t, :s, :p, :src, :e, :now) ON CONFLICT (account_id) DO UPDATE SET tier = :t, status = :s, "
                        + "paid_until = :p, source = :src, last_event_at = COALESCE(:e, subscriptions.last_event_at), updated_at = :now")
                .bind("a", accountId).bind("t", tier).bind("s", status).bind("p", paidUntil.toEpochMilli()).bind("src", source)
                .bind("e", eventAt).bind("now", now).execute());
    }

    Optional<Long> lastEventAt(String accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT last_event_at FROM subscriptions WHERE account_id = :a AND last_event_at IS NOT NULL")
                .bind("a", accountId).mapTo(Long.class).findFirst());
    }

    Optional<Instant> paidUntil(String accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT paid_until FROM subscriptions WHERE account_id = :a AND paid_until IS NOT NULL")
                .bind("a", accountId).mapTo(Long.class).findFirst().map(Instant::ofEpochMilli));
    }

    Clock clock() {
        return clock;
    }

    private YearMonth month() {
        return YearMonth.now(clock.withZone(ZoneOffset.UTC));
    }
}
