package ai.pace42.bot.admin;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.channel.Adapters;
import ai.pace42.bot.channel.ConversationRef;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.notice.KnownConversations;
import ai.pace42.bot.notice.Notices;
import ai.pace42.bot.testing.MutableClock;
import ai.pace42.bot.testing.RecordingAdapter;
import ai.pace42.bot.testing.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Broadcast drafts shared by two instances on one database (subclasses supply it): a draft made on one instance
 * is confirmed on the other, goes out once even when confirmed on both at once, and still lasts ten minutes.
 */
abstract class BroadcastDraftsContract {

    private static final PlatformIdentity OPERATOR = PlatformIdentity.of(Platform.TELEGRAM, "1");
    private static final String TEXT = "Maintenance tonight 22:00-22:15 UTC.";

    protected abstract Jdbi database();

    private Jdbi jdbi;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
    private final RecordingAdapter telegram = new RecordingAdapter(Platform.TELEGRAM);
    private Broadcasts instanceA;
    private Broadcasts instanceB;

    @BeforeEach
    void setUp() {
        jdbi = database();
        TestDatabases.insertAccounts(jdbi, "acc_ada", "acc_bo");
        KnownConversations conversations = new KnownConversations(jdbi, clock);
        conversations.remember("acc_ada", ConversationRef.direct(PlatformIdentity.of(Platform.TELEGRAM, "42")));
        conversations.remember("acc_bo", ConversationRef.direct(PlatformIdentity.of(Platform.TELEGRAM, "43")));
        instanceA = broadcastsOn(conversations);
        instanceB = broadcastsOn(new KnownConversations(jdbi, clock));
    }

    private Broadcasts broadcastsOn(KnownConversations conversations) {
        Adapters adapters = new Adapters();
        adapters.register(telegram);
        return new Broadcasts(jdbi, new Notices(adapters, conversations), clock);
    }

    private String draftOnA() {
        Broadcasts.Step step = instanceA.draft(OPERATOR, TEXT);
        assertThat(step).isInstanceOf(Broadcasts.Step.Drafted.class);
        assertThat(((Broadcasts.Step.Drafted) step).recipients()).isEqualTo(2);
        return ((Broadcasts.Step.Drafted) step).code();
    }

    private long broadcastsSent() {
        return telegram.sent().stream().filter(s -> s.reply().plainText().equals(TEXT)).count();
    }

    @Test
    void aDraftMadeOnOneInstanceIsConfirmedOnTheOther() {
        String code = draftOnA();
        assertThat(broadcastsSent()).as("the dry run sends nothing").isZero();

        assertThat(instanceB.confirm(OPERATOR, code.toLowerCase(java.util.Locale.ROOT)))
                .isEqualTo(new Broadcasts.Step.Sent(2, 2));
        assertThat(broadcastsSent()).isEqualTo(2);
        assertThat(instanceA.confirm(OPERATOR, code)).as("used up on both").isInstanceOf(Broadcasts.Step.Refused.class);
        int left = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM broadcast_drafts").mapTo(Integer.class)
                .one());
        assertThat(left).isZero();
    }

    @Test
    void confirmedOnBothInstancesAtOnceItGoesOutOnce() throws Exception {
        String code = draftOnA();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Broadcasts.Step>> steps = pool.invokeAll(List.<Callable<Broadcasts.Step>>of(
                    () -> instanceA.confirm(OPERATOR, code), () -> instanceB.confirm(OPERATOR, code)));
            long sent = 0;
            for (Future<Broadcasts.Step> step : steps) {
                sent += step.get(30, TimeUnit.SECONDS) instanceof Broadcasts.Step.Sent ? 1 : 0;
            }
            assertThat(sent).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(broadcastsSent()).isEqualTo(2);
    }

    @Test
    void aDraftOlderThanTenMinutesIsRefusedOnTheOtherInstanceAndAWrongCodeUsesItUp() {
        String late = draftOnA();
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertThat(instanceB.confirm(OPERATOR, late)).isInstanceOf(Broadcasts.Step.Refused.class);

        String code = draftOnA();
        assertThat(instanceB.confirm(OPERATOR, "NOPE00")).isInstanceOf(Broadcasts.Step.Refused.class);
        assertThat(instanceA.confirm(OPERATOR, code)).isInstanceOf(Broadcasts.Step.Refused.class);
        assertThat(broadcastsSent()).isZero();
    }

    @Test
    void theDatabaseHoldsTheCodeOnlyAsItsHash() {
        String code = draftOnA();

        String stored = jdbi.withHandle(h -> h.createQuery("SELECT code_hash FROM broadcast_drafts")
                .mapTo(String.class).one());
        assertThat(stored).hasSize(64).doesNotContain(code);
    }
}
