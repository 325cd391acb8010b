package ai.pace42.bot.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.BotCore;
import ai.pace42.bot.admin.AdminAllowList;
import ai.pace42.bot.channel.Inbound;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.plans.PlanChange;
import ai.pace42.bot.plans.PlanStore;
import ai.pace42.bot.testing.MutableClock;
import ai.pace42.bot.testing.TestSecretStores;
import ai.pace42.coach.CoachAnswer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tiers, the monthly question limit and the billing webhook, on both databases. */
abstract class SubscriptionContract {

    static final PlatformIdentity ANA = PlatformIdentity.of(Platform.TELEGRAM, "100");
    static final PlatformIdentity OPS = PlatformIdentity.of(Platform.TELEGRAM, "999");
    static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    static final String SECRET = "whsec_test_current";
    static final String OLD_SECRET = "whsec_test_previous";

    @TempDir
    Path dir;

    protected abstract Jdbi database();

    private Jdbi jdbi;
    private BotCore core;
    private final MutableClock clock = new MutableClock(NOW);
    private final AtomicInteger answered = new AtomicInteger();

    @BeforeEach
    void setUp() {
        jdbi = database();
        BotCore.Settings settings = BotCore.Settings.defaults().withAdmins(AdminAllowList.parse("telegram:999"))
                .withSubscriptions(SubscriptionSettings.defaults().withSecrets(List.of(SECRET, OLD_SECRET)));
        core = BotCore.create(jdbi, sources -> q -> {
            if (q.text().contains("explode")) {
                throw new IllegalStateException("coach failed");
            }
            answered.incrementAndGet();
            return CoachAnswer.text("answer to " + q.text());
        }, TestSecretStores.local(jdbi, dir), settings, clock);
    }

    @AfterEach
    void tearDown() {
        core.close();
    }

    private String say(PlatformIdentity who, String text) throws Exception {
        return core.dispatcher().onInbound(Inbound.directText(who, text, "req-42")).get(30, TimeUnit.SECONDS).plainText();
    }

    private String account() {
        return core.accounts().find(ANA).orElseThrow().id();
    }

    @Test
    void theFiftiethQuestionIsAnsweredAndTheFiftyFirstIsGatedWhileCommandsStayOpen() throws Exception {
        for (int i = 1; i <= 49; i++) {
            assertThat(say(ANA, "question " + i)).isEqualTo("answer to question " + i);
        }
        assertThat(say(ANA, "explode")).as("a failed answer").doesNotContain("answer to");
        assertThat(core.subscriptions().questionsThisMonth(account())).as("a failed answer is not counted").isEqualTo(49);
        assertThat(say(ANA, "question 50")).isEqualTo("answer to question 50");
        String gated = say(ANA, "question 51");
        assertThat(gated).contains("50 coach questions", "reset on 1 January", "SUBSCRIPTION_QUESTION_LIMIT", "req-42")
                .doesNotContain("answer to");
        assertThat(answered.get()).isEqualTo(50);
        assertThat(say(ANA, "help")).as("help is never gated").contains("answer to help");
        assertThat(say(ANA, "/status")).doesNotContain("SUBSCRIPTION_");
        assertThat(say(ANA, "/help")).doesNotContain("SUBSCRIPTION_");
        assertThat(say(ANA, "/subscription")).contains("free", "50 of 50", "1 January 2027");
        clock.advance(Duration.ofDays(30)); // 1 January 2027: a new month
        assertThat(say(ANA, "question 52")).isEqualTo("answer to question 52");
    }

    @Test
    void anOperatorGrantIsAuditedAndLiftsTheLimit() throws Exception {
        say(ANA, "/status");
        assertThat(say(ANA, "/admin premium telegram:100 30")).contains("operators only");
        assertThat(say(OPS, "/admin premium telegram:100 30")).contains("Premium for", "2027-01-01");
        for (int i = 0; i < 51; i++) {
            core.subscriptions().recordQuestion(account());
        }
        assertThat(say(ANA, "one more")).isEqualTo("answer to one more");
        assertThat(say(ANA, "/subscription")).contains("premium", "no limit", "Renews on:** 1 January 2027");
        List<Map<String, Object>> audit = jdbi.withHandle(h -> h.createQuery("SELECT actor, action, target, outcome FROM audit_log "
                + "WHERE action = 'admin premium' ORDER BY at").mapToMap().list());
        assertThat(audit).extracting(r -> r.get("actor") + " " + r.get("target") + " " + r.get("outcome"))
                .containsExactly("telegram:100 telegram:100 30 DENIED", "telegram:999 telegram:100 30 ALLOWED");
    }

    @Test
    void aDowngradePausesExtraPlansAndKeepsThem() throws Exception {
        say(ANA, "/status");
        String id = account();
        core.subscriptions().grant(id, 30, "admin");
        PlanStore plans = core.plans().store();
        var plan = ai.pace42.bot.plans.PlanStoreContract.plan(java.time.LocalDate.of(2027, 3, 7));
        for (int i = 0; i < 2; i++) {
            plans.apply(id, plans.propose(id, Optional.empty(), PlanChange.Kind.CREATE, "new", Optional.of(plan)).id());
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(plans.countActive(id)).isEqualTo(2);
        assertThat(say(OPS, "/admin premium telegram:100 0")).contains("1 extra active plan(s) paused");
        assertThat(plans.countActive(id)).isEqualTo(1);
        assertThat(plans.all(id)).hasSize(2);
    }

    @Test
    void premiumThatRunsOutWithoutABillingEventPausesExtraPlansWhenTheyAreNextRead() throws Exception {
        say(ANA, "/status");
        String id = account();
        assertThat(say(OPS, "/admin premium telegram:100 3")).contains("Premium for");
        PlanStore plans = core.plans().store();
        var plan = ai.pace42.bot.plans.PlanStoreContract.plan(java.time.LocalDate.of(2027, 3, 7));
        for (int i = 0; i < 2; i++) {
            plans.apply(id, plans.propose(id, Optional.empty(), PlanChange.Kind.CREATE, "new", Optional.of(plan)).id());
            clock.advance(Duration.ofSeconds(1));
        }
        say(ANA, "show my plan");
        assertThat(plans.countActive(id)).as("still premium: both plans stay active").isEqualTo(2);

        clock.advance(Duration.ofDays(3)); // the grant ran out; no event, no command
        assertThat(core.subscriptions().tier(id)).isEqualTo(Subscriptions.Tier.FREE);
        say(ANA, "show my plan");
        assertThat(plans.countActive(id)).as("paused on read like a downgrade").isEqualTo(1);
        assertThat(plans.all(id)).as("kept, not deleted").hasSize(2)
                .extracting(ai.pace42.bot.plans.StoredPlan::status).containsExactlyInAnyOrder(
                        ai.pace42.bot.plans.StoredPlan.Status.ACTIVE, ai.pace42.bot.plans.StoredPlan.Status.PAUSED);
    }

    private BillingWebhook.Result deliver(String body, String secret, long t) {
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        return core.billing().handle("t=" + t + ",v1=" + BillingWebhook.sign(secret, Long.toString(t), raw), raw);
    }

    private String event(String id, String type, long createdS, Instant paidUntil) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"created\":" + createdS + ",\"data\":{\"account_id\":\""
                + account() + "\",\"paid_until\":" + paidUntil.getEpochSecond() + "}}";
    }

    @Test
    void theWebhookAcceptsValidEventsOnceAndRejectsTamperedAndStaleOnes() throws Exception {
        say(ANA, "/status");
        long t = NOW.getEpochSecond();
        Instant month = NOW.plus(Duration.ofDays(31));
        String created = event("evt_1", "subscription.created", t, month);

        assertThat(deliver(created, SECRET, t).outcome()).isEqualTo(BillingWebhook.Outcome.APPLIED);
        assertThat(core.subscriptions().tier(account())).isEqualTo(Subscriptions.Tier.PREMIUM);
        assertThat(deliver(created, SECRET, t).outcome()).as("replayed").isEqualTo(BillingWebhook.Outcome.DUPLICATE);

        String tampered = event("evt_2", "subscription.refunded", t, month);
        byte[] raw = tampered.getBytes(StandardCharsets.UTF_8);
        String signedOther = "t=" + t + ",v1=" + BillingWebhook.sign(SECRET, Long.toString(t), created.getBytes(StandardCharsets.UTF_8));
        BillingWebhook.Result bad = core.billing().handle(signedOther, raw);
        assertThat(bad.outcome()).isEqualTo(BillingWebhook.Outcome.BAD_SIGNATURE);
        assertThat(bad.code()).isEqualTo("SUBSCRIPTION_WEBHOOK_SIGNATURE");
        assertThat(deliver(tampered, "whsec_wrong", t).outcome()).isEqualTo(BillingWebhook.Outcome.BAD_SIGNATURE);
        assertThat(core.billing().handle(null, raw).outcome()).isEqualTo(BillingWebhook.Outcome.BAD_SIGNATURE);

        BillingWebhook.Result stale = deliver(event("evt_3", "subscription.refunded", t - 301, month), SECRET, t - 301);
        assertThat(stale.outcome()).isEqualTo(BillingWebhook.Outcome.STALE);
        assertThat(stale.code()).isEqualTo("SUBSCRIPTION_WEBHOOK_STALE");
        assertThat(deliver(event("evt_4", "subscription.refunded", t + 301, month), SECRET, t + 301).outcome())
                .as("a timestamp far in the future").isEqualTo(BillingWebhook.Outcome.STALE);
        assertThat(core.subscriptions().tier(account())).as("no rejected event changed anything").isEqualTo(Subscriptions.Tier.PREMIUM);

        assertThat(deliver(event("evt_5", "subscription.renewed", t - 200, month), OLD_SECRET, t - 200).outcome())
                .as("an older event, signed with the previous secret").isEqualTo(BillingWebhook.Outcome.OUT_OF_ORDER);
        Instant twoMonths = NOW.plus(Duration.ofDays(62));
        assertThat(deliver(event("evt_6", "subscription.renewed", t + 10, twoMonths), OLD_SECRET, t + 10).outcome())
                .isEqualTo(BillingWebhook.Outcome.APPLIED);
        assertThat(core.subscriptions().state(account()).paidUntil()).contains(twoMonths);

        deliver(event("evt_7", "subscription.past_due", t + 20, twoMonths), SECRET, t + 20);
        assertThat(core.subscriptions().state(account()).paidUntil()).as("7-day grace").contains(NOW.plus(Duration.ofDays(7)));
        deliver(event("evt_8", "subscription.cancelled", t + 30, twoMonths), SECRET, t + 30);
        assertThat(core.subscriptions().state(account()).status()).isEqualTo("cancelled");
        assertThat(core.subscriptions().tier(account())).as("kept until the period ends").isEqualTo(Subscriptions.Tier.PREMIUM);
        deliver(event("evt_9", "subscription.refunded", t + 40, twoMonths), SECRET, t + 40);
        assertThat(core.subscriptions().tier(account())).isEqualTo(Subscriptions.Tier.FREE);
        long handled = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM billing_events").mapTo(Long.class).one());
        assertThat(handled)
                .as("handled events, including the out-of-order one").isEqualTo(6);
    }
}
