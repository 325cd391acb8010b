package ai.pace42.server.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Fault 10: visits to the link page are limited per source address and per token, in fixed windows. */
class LinkVisitLimitsTest {

    private static final Instant T0 = Instant.parse("2026-12-02T04:00:00Z");

    /** A clock the test moves by hand. */
    private static final class Hands extends Clock {
        Instant now = T0;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final Hands clock = new Hands();
    private final LinkVisitLimits limits = new LinkVisitLimits(5, 3, Duration.ofMinutes(10), clock);

    @Test
    void oneAddressTryingManyTokensIsStoppedAfterItsLimitUntilTheWindowEnds() {
        for (int i = 1; i <= 5; i++) {
            assertThat(limits.visit("198.51.100.7", "guess-" + i)).as("visit %d", i).isEmpty();
        }
        clock.now = T0.plusSeconds(90);

        assertThat(limits.visit("198.51.100.7", "guess-6")).contains(Duration.ofSeconds(510));
        assertThat(limits.visit("203.0.113.9", "guess-7")).as("another address").isEmpty();

        clock.now = T0.plus(Duration.ofMinutes(10)).plusSeconds(1);
        assertThat(limits.visit("198.51.100.7", "guess-8")).as("a new window").isEmpty();
    }

    @Test
    void oneTokenOpenedFromManyAddressesIsStoppedAfterItsLimit() {
        for (int i = 1; i <= 3; i++) {
            assertThat(limits.visit("198.51.100." + i, "the-token")).isEmpty();
        }

        assertThat(limits.visit("198.51.100.4", "the-token")).contains(Duration.ofMinutes(10));
        assertThat(limits.visit("198.51.100.4", "another-token")).isEmpty();
    }

    @Test
    void aVisitWithoutATokenCountsOnlyForTheAddress() {
        Optional<Duration> last = Optional.empty();
        for (int i = 1; i <= 6; i++) {
            last = limits.visit("198.51.100.7", null);
        }

        assertThat(last).isPresent();
        assertThat(limits.visit("203.0.113.9", null)).isEmpty();
    }
}
