package ai.pace42.bot.linking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.pace42.bot.channel.ConversationRef;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.testing.MutableClock;
import ai.pace42.bot.testing.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules of chat confirmation codes, on each database; subclasses supply a migrated database. */
abstract class ChatConfirmationsContract {

    private static final PlatformIdentity ANA = PlatformIdentity.of(Platform.TELEGRAM, "100");
    private static final PlatformIdentity BEN = new PlatformIdentity(Platform.SLACK, "T1", "U200");
    private static final Duration TTL = Duration.ofMinutes(10);

    protected abstract Jdbi database();

    private Jdbi jdbi;
    private MutableClock clock;
    private ChatConfirmations confirmations;

    @BeforeEach
    void setUp() {
        jdbi = database();
        TestDatabases.insertAccounts(jdbi, "acc_ana", "acc_ben");
        clock = new MutableClock(Instant.parse("2026-12-01T21:00:00Z"));
        confirmations = new ChatConfirmations(jdbi, clock);
    }

    private ChatConfirmations.Issued forAna(String subject) {
        return confirmations.issue("test", subject, "detail", ANA, ConversationRef.direct(ANA), "acc_ana", TTL);
    }

    private ChatConfirmations.Issued forBen(String subject) {
        return confirmations.issue("test", subject, "detail", BEN, ConversationRef.direct(BEN), "acc_ben", TTL);
    }

    private static String wrong(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }

    @Test
    void onlyAHashOfTheCodeIsStoredAndOnlyItsIdentityCanUseIt() {
        ChatConfirmations.Issued issued = forAna("s1");

        String stored = jdbi.withHandle(h -> h.createQuery("SELECT code_hash FROM chat_confirmations")
                .mapTo(String.class).one());
        assertThat(stored).hasSize(64).doesNotContain(issued.code());
        assertThat(confirmations.confirm("test", BEN, issued.code()))
                .isInstanceOf(ChatConfirmations.Attempt.NonePending.class);
        assertThat(confirmations.confirm("test", ANA, issued.code()))
                .isInstanceOf(ChatConfirmations.Attempt.Confirmed.class);
        assertThat(confirmations.confirm("test", ANA, issued.code()))
                .isInstanceOf(ChatConfirmations.Attempt.NonePending.class);
    }

    @Test
    void theFifthWrongCodeEndsTheConfirmation() {
        ChatConfirmations.Issued issued = forAna("s1");
        for (int left = 4; left >= 1; left--) {
            assertThat(confirmations.confirm("test", ANA, wrong(issued.code())))
                    .isEqualTo(new ChatConfirmations.Attempt.WrongCode(left));
        }
        assertThat(confirmations.confirm("test", ANA, wrong(issued.code())))
                .isInstanceOf(ChatConfirmations.Attempt.Refused.class);
        assertThat(confirmations.confirm("test", ANA, issued.code()))
                .isInstanceOf(ChatConfirmations.Attempt.NonePending.class);
    }

    @Test
    void aNewerConfirmationReplacesTheOlderAndExpiredOnesEnd() {
        ChatConfirmations.Issued older = forAna("s1");
        ChatConfirmations.Issued newer = forAna("s2");
        assertThat(newer.replaced()).extracting(ChatConfirmations.Entry::id).containsExactly(older.entry().id());

        clock.advance(TTL);

        assertThat(confirmations.confirm("test", ANA, newer.code()))
                .isInstanceOf(ChatConfirmations.Attempt.NonePending.class);
        List<String> dropped = new ArrayList<>();
        assertThat(confirmations.endExpired("test", e -> dropped.add(e.id()))).isEqualTo(1);
        assertThat(dropped).containsExactly(newer.entry().id());
        assertThat(confirmations.endExpired("test", e -> dropped.add(e.id()))).isZero();
    }

    @Test
    void anExpiredConfirmationStaysOpenUntilWhatWaitedOnItWasDropped() {
        forAna("s1");
        clock.advance(TTL);

        assertThatThrownBy(() -> confirmations.endExpired("test", e -> {
            throw new IllegalStateException("store sealed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(confirmations.endExpired("test", e -> { })).as("tried again on the next run").isEqualTo(1);
    }

    @Test
    void endedConfirmationsAreForgottenAfterADay() {
        ChatConfirmations.Issued issued = forAna("s1");
        confirmations.confirm("test", ANA, issued.code());
        confirmations.finish("test", "s1");
        forAna("s2");
        clock.advance(Duration.ofHours(25));

        assertThat(confirmations.deleteEndedBefore(Duration.ofDays(1))).isEqualTo(1);
        assertThat(confirmations.ofSubject("test", "s1")).isEmpty();
        assertThat(confirmations.ofSubject("test", "s2")).hasSize(1);
    }

    @Test
    void aSubjectFinishesOnlyOnceEverySideConfirmed() {
        ChatConfirmations.Issued ana = forAna("join-1");
        ChatConfirmations.Issued ben = forBen("join-1");

        confirmations.confirm("test", ANA, ana.code());
        assertThat(confirmations.finish("test", "join-1")).isFalse();
        confirmations.confirm("test", BEN, ben.code());
        assertThat(confirmations.finish("test", "join-1")).isTrue();
        assertThat(confirmations.finish("test", "join-1")).isFalse();
    }

    @Test
    void aSideThatEndedKeepsTheSubjectFromFinishing() {
        ChatConfirmations.Issued ana = forAna("join-1");
        forBen("join-1");
        confirmations.confirm("test", ANA, ana.code());
        forBen("join-2"); // Ben's side of join-1 is replaced

        assertThat(confirmations.finish("test", "join-1")).isFalse();
    }

    @Test
    void exactlyOneOfManyConcurrentFinishersWins() throws Exception {
        ChatConfirmations.Issued ana = forAna("join-1");
        ChatConfirmations.Issued ben = forBen("join-1");
        confirmations.confirm("test", ANA, ana.code());
        confirmations.confirm("test", BEN, ben.code());
        int tries = 6;
        ExecutorService pool = Executors.newFixedThreadPool(tries);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < tries; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return confirmations.finish("test", "join-1");
                }));
            }
            go.countDown();
            int won = 0;
            for (Future<Boolean> f : results) {
                won += f.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
