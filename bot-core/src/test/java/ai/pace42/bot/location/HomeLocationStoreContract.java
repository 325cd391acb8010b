package ai.pace42.bot.location;

import static org.assertj.core.api.Assertions.assertThat;

import ai.pace42.bot.testing.MutableClock;
import ai.pace42.bot.testing.TestDatabases;
import ai.pace42.coach.weather.Place;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Home locations and offered choices behave the same on SQLite and PostgreSQL (migration V13). */
abstract class HomeLocationStoreContract {

    static final Place BERLIN = new Place("Berlin", "Land Berlin", "Germany", 52.52437, 13.41053, ZoneId.of("Europe/Berlin"));
    static final Place TOKYO = new Place("Tokyo", "Tokyo", "Japan", 35.6895, 139.69171, ZoneId.of("Asia/Tokyo"));

    protected abstract Jdbi database();

    private Jdbi jdbi;
    private MutableClock clock;
    private HomeLocationStore store;

    @BeforeEach
    void setUp() {
        jdbi = database();
        TestDatabases.insertAccounts(jdbi, "acc_a", "acc_b");
        clock = new MutableClock(Instant.parse("2026-12-02T08:00:00Z"));
        store = new HomeLocationStore(jdbi, clock);
    }

    @Test
    void aSetLocationIsReadBackExactlyAndReplacedBySetAgain() {
        store.set("acc_a", BERLIN);
        assertThat(store.home("acc_a")).contains(BERLIN);

        store.set("acc_a", TOKYO);
        assertThat(store.home("acc_a")).contains(TOKYO);
        assertThat(store.home("acc_b")).isEmpty();
    }

    @Test
    void offeredChoicesKeepTheirOrderAndExpire() {
        store.offer("acc_a", List.of(TOKYO, BERLIN));

        assertThat(store.choices("acc_a")).containsExactly(TOKYO, BERLIN);
        assertThat(store.home("acc_a")).isEmpty();

        clock.advance(HomeLocationStore.CHOICE_TTL.plus(Duration.ofSeconds(1)));
        assertThat(store.choices("acc_a")).isEmpty();
    }

    @Test
    void settingALocationForgetsTheChoicesAndClearForgetsIt() {
        store.propose("acc_a", TOKYO);
        store.set("acc_a", BERLIN);

        assertThat(store.choices("acc_a")).isEmpty();
        assertThat(store.clear("acc_a")).isTrue();
        assertThat(store.home("acc_a")).isEmpty();
        assertThat(store.clear("acc_a")).isFalse();
    }

    @Test
    void deletingTheAccountDeletesItsLocationAndChoices() {
        store.set("acc_a", BERLIN);
        store.offer("acc_a", List.of(TOKYO));

        jdbi.useHandle(h -> h.execute("DELETE FROM accounts WHERE id = 'acc_a'"));

        long rows = jdbi.withHandle(h -> h.createQuery("SELECT (SELECT COUNT(*) FROM home_locations) + "
                + "(SELECT COUNT(*) FROM location_choices)").mapTo(Long.class).one());
        assertThat(rows).isZero();
    }
}
