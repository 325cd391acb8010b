package ai.pace42.bot.notice;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.account.Account;
import ai.pace42.bot.channel.Adapters;
import ai.pace42.bot.channel.ConversationRef;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.data.LinkHealth;
import ai.pace42.bot.data.LinkedSource;
import ai.pace42.bot.testing.MutableClock;
import ai.pace42.bot.testing.RecordingAdapter;
import ai.pace42.bot.testing.TestDatabases;
import ai.pace42.coach.model.ActivitySource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Garmin credential checks on each database; subclasses supply a migrated, empty database. */
abstract class LinkHealthMonitorContract {

    protected abstract Jdbi database();

    /** Answers each account's check with a scripted verdict (empty: Garmin could not decide) and counts calls. */
    static final class ScriptedGarmin implements LinkedSource {
        final Map<String, Optional<LinkHealth>> verdicts = new ConcurrentHashMap<>();
        final AtomicInteger calls = new AtomicInteger();
        volatile CountDownLatch hold;
        volatile CountDownLatch entered;

        @Override
        public Optional<ActivitySource> resolve(String accountId) {
            return Optional.empty();
        }

        @Override
        public void forget(String accountId) {
        }

        @Override
        public Optional<LinkHealth> checkHealth(String accountId) {
            calls.incrementAndGet();
            if (hold != null) {
                entered.countDown();
                try {
                    hold.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return verdicts.getOrDefault(accountId, Optional.empty());
        }
    }

    private static final ConversationRef ADA_CHAT = new ConversationRef(Platform.TELEGRAM, "", "5001", "5001");

    private Jdbi jdbi;
    private MutableClock clock;
    private ScriptedGarmin garmin;
    private RecordingAdapter telegram;
    private KnownConversations conversations;
    private LinkHealthMonitor monitor;

    @BeforeEach
    void setUp() {
        jdbi = database();
        clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
        garmin = new ScriptedGarmin();
        telegram = new RecordingAdapter(Platform.TELEGRAM);
        Adapters adapters = new Adapters();
        adapters.register(telegram);
        conversations = new KnownConversations(jdbi, clock);
        monitor = monitorOn(jdbi);
        TestDatabases.insertAccounts(jdbi, "acc_ada", "acc_bo", "acc_cy", "acc_none");
        jdbi.useHandle(h -> h.execute("UPDATE accounts SET data_source = 'garmin' WHERE id <> 'acc_none'"));
        conversations.remember("acc_ada", ADA_CHAT);
    }

    private LinkHealthMonitor monitorOn(Jdbi db) {
        Adapters adapters = new Adapters();
        adapters.register(telegram);
        return new LinkHealthMonitor(db, garmin, new Notices(adapters, new KnownConversations(db, clock)), clock,
                new Random(7));
    }

    private List<String> noticesToAda() {
        return telegram.sent().stream().filter(s -> s.where().equals(ADA_CHAT))
                .map(s -> ((ai.pace42.bot.channel.Reply.Part.Text) s.reply().parts().get(0)).markup()).toList();
    }

    @Test
    void aRevokedLinkIsMarkedAndTheRunnerIsToldOnceNotOnEveryCheck() {
        garmin.verdicts.put("acc_ada", Optional.of(LinkHealth.NEEDS_RELINK));

        monitor.checkDue(10);
        clock.advance(Duration.ofHours(14)); // past 12 h + the largest jitter: due again
        monitor.checkDue(10);

        assertThat(garmin.calls.get()).as("three linked accounts, twice").isEqualTo(6);
        assertThat(monitor.of("acc_ada")).hasValue(LinkHealth.NEEDS_RELINK);
        assertThat(noticesToAda()).containsExactly("Garmin no longer accepts your link, so I can't fetch new "
                + "runs. Send /link to reconnect (GARMIN_RELINK_REQUIRED).");
    }

    @Test
    void aLinkThatHealsAndBreaksAgainIsToldAgain() {
        garmin.verdicts.put("acc_ada", Optional.of(LinkHealth.PERMISSION_REMOVED));
        monitor.checkDue(10);
        garmin.verdicts.put("acc_ada", Optional.of(LinkHealth.HEALTHY));
        clock.advance(Duration.ofHours(14));
        monitor.checkDue(10);
        garmin.verdicts.put("acc_ada", Optional.of(LinkHealth.PERMISSION_REMOVED));
        clock.advance(Duration.ofHours(14));
        monitor.checkDue(10);

        assertThat(noticesToAda()).hasSize(2).allMatch(t -> t.contains("GARMIN_ACCESS_DENIED"));
    }

    @Test
    void noLinkIsCheckedBeforeItIsDueAndChecksAreSpreadByJitter() {
        garmin.verdicts.put("acc_ada", Optional.of(LinkHealth.HEALTHY));
        garmin.verdicts.put("acc_bo", Optional.of(LinkHealth.HEALTHY));
        garmin.verdicts.put("acc_cy", Optional.of(LinkHealth.HEALTHY));
        monitor.checkDue(10);
        clock.advance(Duration.ofHours(10)); // under 12 h - 1 h: nobody is due
        assertThat(monitor.checkDue(10)).isZero();

        List<Long> next = jdbi.withHandle(h -> h.createQuery("SELECT next_check_at FROM link_health")
                .mapTo(Long.class).list());
        long start = Instant.parse("2026-12-01T08:00:00Z").toEpochMilli();
        assertThat(next).allMatch(n -> n >= start + Duration.ofHours(11).toMillis()
                && n <= start + Duration.ofHours(13).toMillis());
        assertThat(next.stream().distinct().count()).as("jittered, not all at one instant").isGreaterThan(1);
    }

    @Test
    void aRoundIsBoundedAndOnlyLinkedAccountsAreChecked() {
        assertThat(monitor.checkDue(2)).isEqualTo(2);
        assertThat(monitor.checkDue(10)).isEqualTo(1);
        assertThat(garmin.calls.get()).isEqualTo(3);
    }

    @Test
    void noVerdictKeepsTheLastOneAndIsTriedAgainWithinTheHour() {
        garmin.verdicts.put("acc_ada", Optional.of(LinkHealth.NEEDS_RELINK));
        garmin.verdicts.put("acc_bo", Optional.of(LinkHealth.HEALTHY));
        garmin.verdicts.put("acc_cy", Optional.of(LinkHealth.HEALTHY));
        monitor.checkDue(10);
        garmin.verdicts.put("acc_ada", Optional.empty()); // Garmin answers 503 now
        clock.advance(Duration.ofHours(14));
        monitor.checkDue(10);
        int before = garmin.calls.get();
        clock.advance(Duration.ofMinutes(61));

        monitor.checkDue(10);

        assertThat(monitor.of("acc_ada")).hasValue(LinkHealth.NEEDS_RELINK);
        assertThat(garmin.calls.get() - before).as("only the undecided link is due again").isEqualTo(1);
    }

    @Test
    void twoInstancesNeverCheckTheSameLinkAtOnce() throws Exception {
        garmin.verdicts.put("acc_ada", Optional.of(LinkHealth.NEEDS_RELINK));
        LinkHealthMonitor other = monitorOn(jdbi);
        garmin.hold = new CountDownLatch(1);
        garmin.entered = new CountDownLatch(1);
        Thread first = new Thread(() -> monitor.checkDue(1));
        first.start();
        assertThat(garmin.entered.await(10, TimeUnit.SECONDS)).isTrue();

        int checkedByOther = other.checkDue(10); // the claimed link is skipped; the two others are checked
        garmin.hold.countDown();
        first.join(10_000);

        assertThat(checkedByOther).isEqualTo(2);
        assertThat(garmin.calls.get()).isEqualTo(3);
        assertThat(noticesToAda()).hasSize(1);
    }

    @Test
    void withoutAChatToWriteToTheRunnerIsToldOnceTheyHaveOne() {
        garmin.verdicts.put("acc_bo", Optional.of(LinkHealth.NEEDS_RELINK));
        monitor.checkDue(10); // acc_bo only ever used the browser: nothing to push to
        ConversationRef boChat = new ConversationRef(Platform.TELEGRAM, "", "5002", "5002");
        conversations.remember("acc_bo", boChat);
        clock.advance(Duration.ofHours(14));
        monitor.checkDue(10);
        clock.advance(Duration.ofHours(14));
        monitor.checkDue(10);

        assertThat(telegram.sent().stream().filter(s -> s.where().equals(boChat)).count()).isEqualTo(1);
    }

    @Test
    void statusShowsABrokenLinkWhatToDoAndNothingOnceUnlinked() {
        garmin.verdicts.put("acc_ada", Optional.of(LinkHealth.PERMISSION_REMOVED));
        monitor.checkDue(10);
        Account ada = new Account("acc_ada", Instant.EPOCH, ai.pace42.coach.UnitSystem.METRIC, Optional.empty(), "");

        assertThat(monitor.statusLines(ada)).containsExactly("- **Garmin link:** Garmin says pace42 no longer has "
                + "permission to read your activities. Send /link to reconnect and allow access (GARMIN_ACCESS_DENIED).");
        jdbi.useHandle(h -> h.execute("UPDATE accounts SET data_source = 'none' WHERE id = 'acc_ada'"));
        assertThat(monitor.statusLines(ada)).isEmpty();
    }

    @Test
    void adminCountsAreByHealthWithTheUncheckedApart() {
        garmin.verdicts.put("acc_ada", Optional.of(LinkHealth.NEEDS_RELINK));
        garmin.verdicts.put("acc_bo", Optional.of(LinkHealth.HEALTHY));
        monitor.checkDue(10); // acc_cy: Garmin could not decide

        assertThat(monitor.counts()).containsExactly(Map.entry("healthy", 1L), Map.entry("needs_relink", 1L),
                Map.entry("permission_removed", 0L), Map.entry("unchecked", 1L));
    }

    @Test
    void aNewLinkIsCheckedAtOnceAndForgetsTheOldVerdict() {
        garmin.verdicts.put("acc_ada", Optional.of(LinkHealth.NEEDS_RELINK));
        monitor.checkDue(10);
        garmin.verdicts.put("acc_ada", Optional.empty());

        monitor.linked("acc_ada");

        assertThat(monitor.of("acc_ada")).isEmpty();
    }
}
