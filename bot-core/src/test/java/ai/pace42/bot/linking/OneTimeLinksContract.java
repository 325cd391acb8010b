package ai.pace42.bot.linking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.pace42.bot.channel.ConversationRef;
import ai.pace42.bot.channel.Platform;
import ai.pace42.bot.channel.PlatformIdentity;
import ai.pace42.bot.error.ErrorCode;
import ai.pace42.bot.error.Pace42Exception;
import ai.pace42.bot.testing.MutableClock;
import ai.pace42.bot.testing.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every rule of one-time links, on each database; subclasses supply a migrated database. */
abstract class OneTimeLinksContract {

    private static final PlatformIdentity ANA = PlatformIdentity.of(Platform.TELEGRAM, "100");
    private static final PlatformIdentity BEN = PlatformIdentity.of(Platform.SLACK, "200");

    protected abstract Jdbi database();

    private Jdbi jdbi;
    private MutableClock clock;
    private OneTimeLinks links;

    @BeforeEach
    void setUp() {
        jdbi = database();
        TestDatabases.insertAccounts(jdbi, "acc_ana", "acc_ben");
        clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
        links = new OneTimeLinks(jdbi, clock, Duration.ofMinutes(15));
    }

    private OneTimeLinks.Issued issueForAna() {
        return links.issue("garmin", ANA, ConversationRef.direct(ANA), "acc_ana", "Ana");
    }

    @Test
    void tokensAre256BitsAndOnlyTheirHashIsStored() {
        OneTimeLinks.Issued issued = issueForAna();

        assertThat(issued.token()).matches("[A-Za-z0-9_-]{43}");
        assertThat(issued.toString()).doesNotContain(issued.token());
        List<String> stored = jdbi.withHandle(h -> h.createQuery("SELECT token_hash FROM link_tokens")
                .mapTo(String.class).list());
        assertThat(stored).containsExactly(OneTimeLinks.hash(issued.token())).doesNotContain(issued.token());
        assertThat(issued.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
    }

    @Test
    void peekingDoesNotUseTheLinkUp() {
        OneTimeLinks.Issued issued = issueForAna();

        assertThat(links.peek("garmin", issued.token())).isPresent();
        assertThat(links.peek("garmin", issued.token())).isPresent();
        PendingLink link = links.consume("garmin", issued.token()).orElseThrow();
        assertThat(link.accountId()).isEqualTo("acc_ana");
        assertThat(link.identity()).isEqualTo(ANA);
        assertThat(link.identityLabel()).isEqualTo("Telegram user Ana");
    }

    @Test
    void aLinkWorksOnceThenIsRefused() {
        OneTimeLinks.Issued issued = issueForAna();

        assertThat(links.state("garmin", issued.token())).isEqualTo(LinkState.ACTIVE);
        assertThat(links.consume("garmin", issued.token())).isPresent();
        assertThat(links.consume("garmin", issued.token())).isEmpty();
        assertThat(links.peek("garmin", issued.token())).isEmpty();
        assertThat(links.state("garmin", issued.token())).isEqualTo(LinkState.USED);
    }

    @Test
    void aLinkExpires() {
        OneTimeLinks.Issued issued = issueForAna();
        clock.advance(Duration.ofMinutes(15));

        assertThat(links.peek("garmin", issued.token())).isEmpty();
        assertThat(links.consume("garmin", issued.token())).isEmpty();
        assertThat(links.state("garmin", issued.token())).isEqualTo(LinkState.EXPIRED);
    }

    @Test
    void aNewLinkRevokesTheOldOneOfTheSameIdentityOnly() {
        OneTimeLinks.Issued old = issueForAna();
        OneTimeLinks.Issued bens = links.issue("garmin", BEN, ConversationRef.direct(BEN), "acc_ben", "Ben");
        OneTimeLinks.Issued fresh = issueForAna();

        assertThat(links.peek("garmin", old.token())).isEmpty();
        assertThat(links.peek("garmin", fresh.token())).isPresent();
        assertThat(links.peek("garmin", bens.token())).isPresent();
        assertThat(links.state("garmin", old.token())).isEqualTo(LinkState.REPLACED);
        assertThat(links.state("garmin", bens.token())).isEqualTo(LinkState.ACTIVE);
    }

    @Test
    void tokensWeNeverIssuedOrForAnotherPurposeAreUnknown() {
        OneTimeLinks.Issued issued = issueForAna();

        assertThat(links.state("connect", issued.token())).isEqualTo(LinkState.UNKNOWN);
        assertThat(links.state("garmin", "A".repeat(43))).isEqualTo(LinkState.UNKNOWN);
        assertThat(links.state("garmin", "not a token")).isEqualTo(LinkState.UNKNOWN);
        assertThat(links.state("garmin", null)).isEqualTo(LinkState.UNKNOWN);
    }

    @Test
    void aTokenForOnePurposeIsNotValidForAnother() {
        OneTimeLinks.Issued issued = issueForAna();

        assertThat(links.consume("connect", issued.token())).isEmpty();
        assertThat(links.peek("garmin", issued.token())).isPresent();
    }

    @Test
    void issuingIsRateLimited() {
        for (int i = 0; i < OneTimeLinks.MAX_PER_HOUR; i++) {
            issueForAna();
        }
        assertThatThrownBy(this::issueForAna).isInstanceOf(Pace42Exception.class)
                .extracting(e -> ((Pace42Exception) e).code()).isEqualTo(ErrorCode.RATE_LIMITED);

        clock.advance(Duration.ofMinutes(61));
        assertThat(issueForAna().token()).isNotBlank();
    }

    @Test
    void malformedOrUnknownTokensAreSimplyInvalid() {
        assertThat(links.peek("garmin", null)).isEmpty();
        assertThat(links.peek("garmin", "short")).isEmpty();
        assertThat(links.peek("garmin", "x".repeat(43))).isEmpty();
        assertThat(links.consume("garmin", "'; DROP TABLE link_tokens; --")).isEmpty();
    }

    @Test
    void exactlyOneOfManyConcurrentCompletionsWins() throws Exception {
        for (int round = 0; round < 5; round++) {
            String token = issueForAna().token();
            int threads = 12;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch go = new CountDownLatch(1);
            try {
                List<Future<Optional<PendingLink>>> results = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    results.add(pool.submit(() -> {
                        go.await();
                        return links.consume("garmin", token);
                    }));
                }
                go.countDown();
                int winners = 0;
                for (Future<Optional<PendingLink>> f : results) {
                    winners += f.get().isPresent() ? 1 : 0;
                }
                assertThat(winners).as("round " + round).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
            clock.advance(Duration.ofMinutes(13)); // stay under the hourly issuing limit
        }
    }
}
