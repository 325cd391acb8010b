package ai.pace42.garmin.sync;

import ai.pace42.coach.model.ActivitySource;
import ai.pace42.garmin.GarminWireMock;
import ai.pace42.garmin.MutableClock;
import ai.pace42.garmin.api.GarminHttp;
import ai.pace42.garmin.auth.GarminIdentity;
import ai.pace42.garmin.auth.GarminLink;
import ai.pace42.garmin.auth.GarminTokenStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Resolving an account's source reads the secret store about once a minute, and still notices changes. */
class SourceResolutionTest extends GarminWireMock {

    private final AtomicInteger loads = new AtomicInteger();
    private MutableClock clock;
    private GarminActivitySources sources;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
        GarminHttp http = new GarminHttp(config, HttpClient.newBuilder().build(), clock);
        GarminTokenStore counting = new GarminTokenStore() {
            @Override
            public Optional<GarminLink> load(String accountId) {
                loads.incrementAndGet();
                return store.load(accountId);
            }

            @Override
            public void save(String accountId, GarminLink link) {
                store.save(accountId, link);
            }

            @Override
            public void delete(String accountId) {
                store.delete(accountId);
            }
        };
        link("a", "token-a", "refresh-a", Instant.now().plusSeconds(3600));
        sources = new GarminActivitySources(http, counting, new InMemoryActivityCache(), clock);
    }

    @Test
    void questions_within_a_minute_reuse_the_decrypted_link() {
        ActivitySource first = sources.resolve("a").orElseThrow();
        for (int i = 0; i < 5; i++) {
            assertThat(sources.resolve("a")).containsSame(first);
        }
        assertThat(loads).hasValue(1);

        clock.advance(GarminActivitySources.RECHECK.plusSeconds(1));
        assertThat(sources.resolve("a")).as("same link: same source and session").containsSame(first);
        assertThat(loads).hasValue(2);
    }

    @Test
    void an_unlink_or_relink_made_elsewhere_is_noticed_at_the_next_check() {
        ActivitySource first = sources.resolve("a").orElseThrow();

        store.save("a", new GarminLink(GarminIdentity.of(999, "someone-else"), tokens("t2", "r2",
                Instant.now().plusSeconds(3600))));
        clock.advance(Duration.ofSeconds(61));
        ActivitySource relinked = sources.resolve("a").orElseThrow();
        assertThat(relinked).isNotSameAs(first);

        store.delete("a");
        clock.advance(Duration.ofSeconds(61));
        assertThat(sources.resolve("a")).isEmpty();
    }

    @Test
    void forget_drops_the_cached_link_at_once() {
        sources.resolve("a");
        sources.unlink("a");
        assertThat(sources.resolve("a")).isEmpty();
        assertThat(loads).hasValue(2);
    }
}
