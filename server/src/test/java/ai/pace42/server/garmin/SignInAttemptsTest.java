package ai.pace42.server.garmin;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.testing.MutableClock;
import ai.pace42.bot.testing.TestDatabases;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The sign-in relay's limits, counted in a shared database (two instances here share one). */
class SignInAttemptsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final Jdbi jdbi = TestDatabases.sqlite(Files.createTempDirectory("pace42-signin"));
    private final SignInAttempts instanceA = new SignInAttempts(jdbi, clock);
    private final SignInAttempts instanceB = new SignInAttempts(jdbi, clock);

    SignInAttemptsTest() throws Exception {
    }

    @Test
    void oneLinkGetsFiveAttemptsAcrossInstancesThenWaitsForTheWindow() {
        for (int i = 0; i < 5; i++) {
            SignInAttempts either = i % 2 == 0 ? instanceA : instanceB;
            assertThat(either.tryAttempt("link-1", "acc-" + i, "user" + i + "@example.com", "10.0.0." + i))
                    .as("attempt %d", i + 1).isEmpty();
        }
        Optional<Duration> locked = instanceB.tryAttempt("link-1", "acc-9", "other@example.com", "10.0.0.9");

        assertThat(locked).hasValueSatisfying(d -> assertThat(d).isEqualTo(Duration.ofMinutes(15)));
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(instanceA.tryAttempt("link-1", "acc-9", "other@example.com", "10.0.0.9")).isEmpty();
    }

    @Test
    void oneGarminLoginGetsFiveAttemptsAnHourWhateverLinkOrAddressTriesIt() {
        for (int i = 0; i < 5; i++) {
            assertThat(instanceA.tryAttempt("link-" + i, "acc-" + i, "Victim@Example.com", "10.0.1." + i)).isEmpty();
            clock.advance(Duration.ofMinutes(1));
        }
        // Case and spaces do not make it another login.
        assertThat(instanceB.tryAttempt("link-x", "acc-x", " victim@example.com ", "10.0.9.9"))
                .hasValueSatisfying(d -> assertThat(d).isEqualTo(Duration.ofMinutes(55)));
        assertThat(instanceB.tryAttempt("link-x", "acc-x", "someone.else@example.com", "10.0.9.9")).isEmpty();
    }

    @Test
    void oneAddressGetsTwentyAttemptsAnHour() {
        for (int i = 0; i < 20; i++) {
            assertThat(instanceA.tryAttempt("link-" + i, "acc-" + i, "u" + i + "@example.com", "203.0.113.7"))
                    .isEmpty();
        }
        assertThat(instanceA.tryAttempt("link-new", "acc-new", "new@example.com", "203.0.113.7")).isPresent();
        assertThat(instanceA.tryAttempt("link-new", "acc-new", "new@example.com", "203.0.113.8")).isEmpty();
    }

    @Test
    void oneAccountGetsTenAttemptsAnHourHoweverManyLinksItAsksFor() {
        for (int i = 0; i < 10; i++) {
            assertThat(instanceA.tryAttempt("link-" + i, "acc-1", "u" + i + "@example.com", "10.1.0." + i)).isEmpty();
        }
        assertThat(instanceB.tryAttempt("link-10", "acc-1", "u10@example.com", "10.1.0.10")).isPresent();
    }

    @Test
    void aRefusedAttemptIsNotCountedAndOldRowsArePurged() {
        for (int i = 0; i < 5; i++) {
            instanceA.tryAttempt("link-1", "acc-" + i, "u" + i + "@example.com", "10.2.0." + i);
        }
        long before = rows();
        assertThat(instanceA.tryAttempt("link-1", "acc-z", "z@example.com", "10.2.0.99")).isPresent();
        assertThat(rows()).isEqualTo(before);

        clock.advance(Duration.ofHours(2));
        instanceA.tryAttempt("link-2", "acc-2", "y@example.com", "10.2.1.1");
        assertThat(rows()).as("only the new attempt's four subjects are left").isEqualTo(4);
        java.util.List<String> subjects = jdbi.withHandle(h -> h.createQuery("SELECT subject FROM sign_in_attempts")
                .mapTo(String.class).list());
        assertThat(subjects).noneMatch(s -> s.contains("example.com") || s.contains("10.2."));
    }

    private long rows() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM sign_in_attempts").mapTo(Long.class).one());
    }
}
